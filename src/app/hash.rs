//! Where an instance keeps its screen in the URL hash. Pure string work, no DOM.
//!
//! The standalone page owns the whole hash (`#view=map&cell=…`). An embedded instance
//! leaves the URL alone unless its host opts in with a key; it then keeps its screen in
//! one `&`-separated segment, `mx-KEY=…`, with `%`, `&`, `=` and `#` percent-escaped,
//! and leaves every other segment (the host's own routing, other instances) as it was:
//! `#pricing&mx-left=view%3Dmap%26cell%3Ddeep-tissue~muscle-tension`.

use yew::AttrValue;

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
                hash.split('&')
                    .find_map(|segment| segment.strip_prefix(&prefix))
                    .map(unescape)
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
                let ours = screen.map(|screen| format!("{prefix}{}", escape(screen)));
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

/// Escapes the characters that would split or end the segment.
fn escape(screen: &str) -> String {
    let mut out = String::with_capacity(screen.len());
    for c in screen.chars() {
        match c {
            '%' => out.push_str("%25"),
            '&' => out.push_str("%26"),
            '=' => out.push_str("%3D"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// The exact inverse of `escape`, in one pass; any other `%` sequence is kept as is.
fn unescape(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut rest = segment;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = match after.get(..2).map(|hex| hex.to_ascii_uppercase()) {
            Some(hex) if hex == "25" => Some('%'),
            Some(hex) if hex == "26" => Some('&'),
            Some(hex) if hex == "3D" => Some('='),
            Some(hex) if hex == "23" => Some('#'),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[2..];
            }
            None => {
                out.push('%');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
