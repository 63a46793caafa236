//! `vocabulary!`: a closed list of named values, written once. Each value has a
//! slug (in seed files, URLs and attributes) and a label (for readers); the
//! macro derives `ALL`, `slug`, `label`, `from_slug`, and natively the TOML
//! parsing and the code generation. Used by the claim base's kinds and by the
//! app's views, facets, sorts and embed options alike.

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$variant_meta:meta])* $variant:ident = $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
        pub enum $name {
            $($(#[$variant_meta])* #[cfg_attr(not(target_arch = "wasm32"), serde(rename = $slug))] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name in seed files, URLs and attributes.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// Words for readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.slug() == slug)
            }

            /// The slugs, for messages that list what is accepted.
            pub fn slugs() -> String {
                Self::ALL.iter().map(|v| v.slug()).collect::<Vec<_>>().join(", ")
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::claimbase::schema::Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(match self {
                    $($name::$variant => concat!(stringify!($name), "::", stringify!($variant))),+
                });
            }
        }
    };
}
pub(crate) use vocabulary;
