//! Where an instance keeps its screen in the URL hash. Pure string work, no DOM.
//!
//! The standalone page owns the whole hash (`#view=map&cell=…`). An embedded instance
//! leaves the URL alone unless its host opts in with a key; it then keeps its screen in
//! one `&`-separated segment, `mx-KEY=…`, percent-encoded as the search text in a
//! route is (`route::percent_encode`), and leaves every other segment (the host's own routing, other instances) as it was:
//! `#pricing&mx-left=view%3Dmap%26cell%3Ddeep-tissue~muscle-tension`.

use yew::AttrValue;

use super::route::{percent_decode, percent_encode};

/// Where an instance keeps its screen in the URL hash, if anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HashSync {
    /// Leaves the URL alone (an embed, unless its host opts in).
    #[default]
    Off,
    /// Owns the whole hash (the standalone page).
    Whole,
    /// Keeps its screen in the segment `mx-KEY=…`, next to whatever else is there.
    Key(AttrValue),
}

/// Whether `key` may name a hash segment: 1 to 32 ASCII letters, digits, `-` or `_`.
pub fn is_valid_key(key: &str) -> bool {
    (1..=32).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl HashSync {
    /// The screen (in `Route::encode` form) this instance finds in `hash` (with or
    /// without `#`); `None` when the hash holds none for it.
    pub fn read(&self, hash: &str) -> Option<String> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        match self {
            HashSync::Off => None,
            HashSync::Whole => (!hash.is_empty()).then(|| hash.to_string()),
            HashSync::Key(key) => {
                let prefix = segment_prefix(key);
                // A segment that is not valid percent-encoding is read as it is, so
                // the route decoder rejects it with its one warning.
                hash.split('&')
                    .find_map(|segment| segment.strip_prefix(&prefix))
                    .map(|segment| percent_decode(segment).unwrap_or_else(|| segment.to_string()))
            }
        }
    }

    /// `hash` (with or without `#`) with this instance's screen set to `screen`, or
    /// removed with `None`; the result starts with `#` unless it is empty.
    pub fn write(&self, hash: &str, screen: Option<&str>) -> String {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let written = match self {
            HashSync::Off => hash.to_string(),
            HashSync::Whole => screen.unwrap_or_default().to_string(),
            HashSync::Key(key) => {
                let prefix = segment_prefix(key);
                let ours = screen.map(|screen| format!("{prefix}{}", percent_encode(screen)));
                let mut segments: Vec<String> = Vec::new();
                let mut placed = false;
                for segment in hash.split('&').filter(|s| !s.is_empty()) {
                    if segment.starts_with(&prefix) {
                        // Replaced where it was, so the hash changes as little as possible.
                        if let (Some(ours), false) = (&ours, placed) {
                            segments.push(ours.clone());
                            placed = true;
                        }
                    } else {
                        segments.push(segment.to_string());
                    }
                }
                if let (Some(ours), false) = (ours, placed) {
                    segments.push(ours);
                }
                segments.join("&")
            }
        };
        if written.is_empty() {
            written
        } else {
            format!("#{written}")
        }
    }
}

fn segment_prefix(key: &str) -> String {
    format!("mx-{key}=")
}
