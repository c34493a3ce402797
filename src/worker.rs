//! The page's worker (`worker/`): the extractor and `data/`'s file format,
//! in a wasm of its own that is fetched only when a person first adds,
//! exports or imports a text, and that runs off the page's main thread.
//! One worker serves the page's life; jobs go to it one at a time, in the
//! core's compact form (`Job::to_bytes`, `Answer::from_bytes`).

use funding_core::jobs::{Answer, Job};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk's loader for the worker, beside the page (no hash in its name: the
/// service worker's list of the build's files keeps it fresh).
const WORKER_SCRIPT: &str = "./funding-worker_loader.js";

const NOT_LOADED: &str = "The page's reader for added texts could not be loaded. If you are offline, open the explorer once online first.";

thread_local! {
    static WORKER: std::cell::RefCell<Option<Worker>> = const { std::cell::RefCell::new(None) };
}

/// The worker, started (and waited for) on first use.
async fn worker() -> Result<Worker, String> {
    if let Some(worker) = WORKER.with(|slot| slot.borrow().clone()) {
        return Ok(worker);
    }
    let worker = Worker::new(WORKER_SCRIPT).map_err(|_| {
        "This browser could not start the page's reader for added texts.".to_string()
    })?;
    // It says "ready" once its wasm has loaded and it listens: a job sent
    // before then would find no one listening.
    next_message(&worker)
        .await
        .map_err(|_| NOT_LOADED.to_string())?;
    WORKER.with(|slot| *slot.borrow_mut() = Some(worker.clone()));
    Ok(worker)
}

/// The worker's next message, or its error (listened for from now).
fn next_message(worker: &Worker) -> JsFuture {
    let reply = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(reply)
}

/// Runs `job` in the worker and waits for its answer. A worker that cannot
/// start, fails, or answers nonsense is an `Answer::Failed` with a sentence.
pub async fn run(job: &Job) -> Answer {
    match try_run(job).await {
        Ok(answer) => answer,
        Err(problem) => Answer::Failed(vec![problem]),
    }
}

async fn try_run(job: &Job) -> Result<Answer, String> {
    let worker = worker().await?;
    let reply = next_message(&worker);
    worker
        .post_message(&js_sys::Uint8Array::from(job.to_bytes().as_slice()))
        .map_err(|_| "The text could not be handed to the page's reader.".to_string())?;
    let answer = reply.await.map_err(|_| {
        // A worker that failed is started again next time.
        WORKER.with(|slot| slot.borrow_mut().take());
        "The page's reader for added texts stopped with an error.".to_string()
    })?;
    Answer::from_bytes(&js_sys::Uint8Array::new(&answer).to_vec())
        .map_err(|e| format!("The page's reader answered in a form this page cannot read ({e})."))
}
