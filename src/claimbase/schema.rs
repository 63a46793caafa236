//! One schema: each record of the bundled claim base is declared once, with
//! `record!`, which also teaches the build step to write it as Rust source
//! (`Bake`). Adding a field is a change to its `record!` and to the check that
//! fills it; the code generator needs no edit.
//!
//! `Bake` writes a value as a Rust expression for a `static`: the bundle is
//! static data, so the wasm carries no parser and allocates nothing to read it.

/// Writes a value as Rust source (native only: `build.rs` and tests).
#[cfg(not(target_arch = "wasm32"))]
pub trait Bake {
    fn bake(&self, out: &mut String);
}

#[cfg(not(target_arch = "wasm32"))]
mod impls {
    use super::Bake;

    impl Bake for str {
        fn bake(&self, out: &mut String) {
            // Debug output of a str is a valid Rust string literal.
            out.push_str(&format!("{self:?}"));
        }
    }

    impl<T: Bake> Bake for [T] {
        fn bake(&self, out: &mut String) {
            out.push_str("&[");
            for item in self {
                item.bake(out);
                out.push(',');
            }
            out.push(']');
        }
    }

    impl<T: Bake + ?Sized> Bake for &T {
        fn bake(&self, out: &mut String) {
            (**self).bake(out)
        }
    }

    impl<T: Bake> Bake for Option<T> {
        fn bake(&self, out: &mut String) {
            match self {
                None => out.push_str("None"),
                Some(value) => {
                    out.push_str("Some(");
                    value.bake(out);
                    out.push(')');
                }
            }
        }
    }

    macro_rules! bake_display {
        ($($ty:ty),*) => {$(
            impl Bake for $ty {
                fn bake(&self, out: &mut String) {
                    out.push_str(&self.to_string());
                }
            }
        )*};
    }
    bake_display!(bool, u8, u16, u32);
}

/// Declares a record of the bundled claim base: the struct, and (natively) its
/// `Bake`, which lists the same fields, so the two can never disagree.
macro_rules! record {
    ($(#[$meta:meta])* pub struct $name:ident {
        $($(#[$field_meta:meta])* pub $field:ident : $ty:ty,)*
    }) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::claimbase::schema::Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($name), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    $crate::claimbase::schema::Bake::bake(&self.$field, out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}
pub(crate) use record;

/// Declares a typed index into one of the claim base's lists. Only the build
/// step and checked lookups (`ClaimBase::*_by_id`, `*_at`) make one, so an index
/// always names a record of the bundled base.
macro_rules! index {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u16);

        impl $name {
            /// The position in its list.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::claimbase::schema::Bake for $name {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($name), "("));
                out.push_str(&self.0.to_string());
                out.push(')');
            }
        }
    };
}
pub(crate) use index;
