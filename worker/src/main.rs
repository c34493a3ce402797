//! The page's worker (trunk builds it beside the page, `index.html`): takes
//! a job in the core's compact form (`Job::from_bytes`), answers it with
//! `funding_core::jobs::answer`, and posts the answer back the same way. Loaded by the page only when a person adds,
//! exports or imports a text (src/worker.rs).

use funding_core::jobs::{answer, Answer, Job};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys_global();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
        let reply = match Job::from_bytes(&bytes) {
            Ok(job) => answer(job),
            Err(e) => Answer::Failed(vec![format!("the worker could not read its job: {e}")]),
        };
        let _ = reply_to.post_message(&js_sys::Uint8Array::from(reply.to_bytes().as_slice()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before this point found no handler: the page waits for
    // this word before it sends its first job.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

fn js_sys_global() -> DedicatedWorkerGlobalScope {
    // In a dedicated worker, the global object is its scope.
    js_global().unchecked_into()
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
    static GLOBAL: JsValue;
}

fn js_global() -> JsValue {
    GLOBAL.with(JsValue::clone)
}
