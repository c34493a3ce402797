//! Parts of a view that follow the page's state, each behind one shared
//! type per kind of output.
//!
//! Leptos renders a closure in a `view!` with a reactive effect compiled
//! for that closure's own type, so every `move || …` is its own copy of the
//! effect's code. Boxed as tachys' shared reactive function, every text,
//! flag or part of a view that follows the state shares one copy for its
//! kind of output; the page's wasm is smaller by that much.

use leptos::prelude::{AnyView, IntoAny, IntoView};
use std::sync::{Arc, Mutex};

/// A value the page recomputes when the state it reads changes.
pub type Follows<T> = Arc<Mutex<dyn FnMut() -> T + Send>>;

/// Text that follows the state.
pub fn text(f: impl Fn() -> String + Send + 'static) -> Follows<String> {
    Arc::new(Mutex::new(f))
}

/// A flag that follows the state: a class that comes and goes, a ticked box.
pub fn flag(f: impl Fn() -> bool + Send + 'static) -> Follows<bool> {
    Arc::new(Mutex::new(f))
}

/// An attribute's words that follow the state (`aria-expanded`), or no
/// attribute (None).
pub fn words(
    f: impl Fn() -> Option<&'static str> + Send + 'static,
) -> Follows<Option<&'static str>> {
    Arc::new(Mutex::new(f))
}

/// `"true"` or `"false"`, as ARIA's states are written.
pub fn aria(f: impl Fn() -> bool + Send + 'static) -> Follows<Option<&'static str>> {
    words(move || Some(if f() { "true" } else { "false" }))
}

/// A part of the view that is built again when the state changes.
pub fn part<V: IntoView + 'static>(f: impl Fn() -> V + Send + 'static) -> Follows<AnyView> {
    Arc::new(Mutex::new(move || f().into_any()))
}
