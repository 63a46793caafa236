//! One sort routine for the whole app. Every ordering here is a stable sort by a
//! `u32` key, done by sorting `(key, position)` pairs, so the wasm carries one
//! sort implementation instead of one per item type and key (each costs 1–3 KB).

/// `items` ordered by `key`, smallest first; equal keys keep their order.
pub fn by_key<T>(items: Vec<T>, key: impl Fn(&T) -> u32) -> Vec<T> {
    let mut keyed: Vec<(u32, u32)> = items.iter().zip(0u32..).map(|(t, i)| (key(t), i)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keyed
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i as usize)?.take())
        .collect()
}

/// `items` ordered by `key`, greatest first; equal keys keep their order.
pub fn by_key_descending<T>(items: Vec<T>, key: impl Fn(&T) -> u32) -> Vec<T> {
    by_key(items, |t| u32::MAX - key(t))
}

/// Ranges (or any pairs of `u32`) in order: the routine itself.
pub fn pairs(pairs: &mut [(u32, u32)]) {
    pairs.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_both_ways() {
        let words = vec!["bb", "a", "cc", "d", "eee"];
        assert_eq!(
            by_key(words.clone(), |w| w.len() as u32),
            ["a", "d", "bb", "cc", "eee"]
        );
        assert_eq!(
            by_key_descending(words, |w| w.len() as u32),
            ["eee", "bb", "cc", "a", "d"]
        );
        let mut ranges = [(5, 6), (1, 9), (1, 2)];
        pairs(&mut ranges);
        assert_eq!(ranges, [(1, 2), (1, 9), (5, 6)]);
    }
}
