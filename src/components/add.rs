//! "Add a text": a person pastes, drops or chooses a text; the extractor
//! finds its figures, years, dates, organisations and places; the person
//! reviews each figure and the text's details; and what they keep is
//! theirs, in this browser, beside the published data. Their kept records
//! can be edited, deleted (with Undo), shared as a link, exported as files
//! for `data/`, and files for `data/` imported. All of this is the panel's
//! own wasm (the `add-panel` feature), loaded on first use.
//!
//! Everything from outside (the text, a file's name, a title, an address)
//! is shown as text: nothing of it is ever read as markup.

use crate::add_panel::{self, ACTION_EVENT, NEWS_EVENT};
use crate::browser_url;
use crate::download;
use crate::focus::focus_after_render;
use crate::follow;
use crate::yours::{use_yours, Adding, Review, Yours};
use funding_core::data_files::{self, NamedText};
use funding_core::extract::{extract, Gazetteer, MarkKind};
use funding_core::model::{FundingStream, MoneyType, Programme, Role};
use funding_core::url_state;
use funding_core::view::ViewState;
use funding_core::yours::{check_text_size, marked_pieces, text_of_file, Draft, YourRecord};
use funding_core::yours::{PanelAction, PanelNews};
use funding_core::Money;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Figures whose forms are drawn at once; the rest on request.
const FIRST_FIGURES: usize = 20;

/// The largest file read: well above any announcement's text, and far
/// below what would hold the page up.
const MAX_FILE_BYTES: f64 = 2_000_000.0;

/// What `text` states, with the organisations and places the page knows
/// (the kept records' too).
fn found_in(yours: Yours, text: &str) -> funding_core::extract::Extraction {
    let gazetteer = yours.dataset.with_untracked(|d| Gazetteer::from_dataset(d));
    extract(text, &gazetteer)
}

/// Reads a new text and opens its review.
pub fn read_text(yours: Yours, text: String, file_name: Option<String>) {
    if let Err(problem) = check_text_size(&text) {
        yours.said.set(Some(problem));
        return;
    }
    let found = found_in(yours, &text);
    let draft = Draft::new(text, file_name, &found);
    show_review(
        yours,
        Review {
            draft,
            found,
            shared: false,
        },
    );
}

/// Opens a kept or shared record for review (its marks found again).
pub fn review_record(yours: Yours, kept: &YourRecord, shared: bool) {
    let draft = if shared {
        yours
            .dataset
            .with_untracked(|known| Draft::of_someone_elses(kept, known))
    } else {
        Draft::of(kept)
    };
    let found = found_in(yours, &draft.text);
    show_review(
        yours,
        Review {
            draft,
            found,
            shared,
        },
    );
}

fn show_review(yours: Yours, review: Review) {
    yours.said.set(None);
    yours.adding.set(Adding::Reviewing(Arc::new(review)));
    focus_after_render(&["#review-heading"]);
}

/// Opens the panel at its start, focused on its heading.
pub fn open_panel(yours: Yours) {
    yours.adding.set(Adding::Open);
    focus_after_render(&["#add-heading"]);
}

/// Closes the panel; focus goes back to "Add a text".
fn close_panel(yours: Yours) {
    yours.adding.set(Adding::Closed);
    focus_after_render(&["#add-open"]);
}

#[component]
pub fn AddPanel() -> impl IntoView {
    let yours = use_yours();
    let shown = move || match yours.adding.get() {
        Adding::Closed => ().into_any(),
        Adding::Open => view! { <AddStart /> }.into_any(),
        Adding::Reading => view! {
            <section class="add-panel" aria-busy="true" aria-labelledby="add-heading">
                <h2 id="add-heading" tabindex="-1">"Reading the text…"</h2>
            </section>
        }
        .into_any(),
        Adding::Reviewing(review) => view! { <ReviewForm review /> }.into_any(),
    };
    let said = move || {
        yours
            .said
            .get()
            .map(|s| view! { <p class="notice add-said">{s}</p> })
    };
    view! {
        <div class="add-status" role="status" aria-live="polite">{follow::part(said)}</div>
        {follow::part(shown)}
    }
}

/// Paste, drop or choose a text; import files; the records kept.
#[component]
fn AddStart() -> impl IntoView {
    let yours = use_yours();
    let pasted = NodeRef::<leptos::html::Textarea>::new();
    let dragging = RwSignal::new(false);
    let read_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        read_text(yours, text, None);
    };
    let chosen = move |ev: leptos::ev::Event| {
        if let Some(file) = input_files(&ev).into_iter().next() {
            read_file(yours, file);
        }
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = ev.data_transfer().and_then(|d| d.files());
        match files.and_then(|f| f.get(0)) {
            Some(file) => read_file(yours, file),
            None => yours
                .said
                .set(Some("Nothing that was dropped is a file.".to_string())),
        }
    };
    let import = move |ev: leptos::ev::Event| import_files(yours, input_files(&ev));
    view! {
        <section
            class="add-panel"
            class:is-dragging=follow::flag(move || dragging.get())
            aria-labelledby="add-heading"
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped
        >
            <div class="add-bar">
                <h2 id="add-heading" tabindex="-1">"Add an announcement"</h2>
                <button type="button" class="quiet" on:click=move |_| close_panel(yours)>"Close"</button>
            </div>
            <p class="add-intro">
                "Paste a press release or a board paper, or drop a .txt, .md or .html file here. "
                "It is read in this browser and stays in it: nothing is sent anywhere. "
                "You review every figure found before anything is kept."
            </p>
            <form class="add-paste" on:submit=read_pasted>
                <label for="add-text">"Text of the announcement"</label>
                <textarea id="add-text" node_ref=pasted rows="8" spellcheck="false"></textarea>
                <div class="add-actions">
                    <button type="submit" class="primary" id="add-find">"Find the figures"</button>
                    <label class="file-choice">
                        "Or choose a file"
                        <input type="file" id="add-file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/html,text/markdown" on:change=chosen />
                    </label>
                </div>
            </form>
            <YourRecordsList />
            <details class="add-import">
                <summary>"Import files written for the dataset"</summary>
                <p>"Choose an announcement's .toml and its .txt together (and any organisations-to-add.toml), as the explorer exports them or as they are in data/announcements/."</p>
                <label for="add-import">"Files to import"</label>
                <input type="file" id="add-import" multiple accept=".toml,.txt" on:change=import />
            </details>
        </section>
    }
}

/// The files an `<input type=file>` holds.
fn input_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let list = files
        .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
        .unwrap_or_default();
    // The same file can be chosen again.
    input.set_value("");
    list
}

/// Reads a chosen or dropped file as text (gloo's file reader) and opens
/// its review; a file that is too large or not text is said, and nothing
/// kept is touched.
fn read_file(yours: Yours, file: web_sys::File) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        yours.said.set(Some(format!(
            "“{name}” is {} KB; the page reads files of up to 2,000 KB of text.",
            (file.size() / 1000.0) as u64
        )));
        return;
    }
    let file = gloo::file::File::from(file);
    let reading = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
        let read = bytes
            .map_err(|_| format!("“{name}” could not be read."))
            .and_then(|bytes| text_of_file(&name, &bytes));
        match read {
            Ok(text) => read_text(yours, text, Some(name)),
            Err(problem) => yours.said.set(Some(problem)),
        }
    });
    // Dropping the reader would cancel the read: it is left to finish (a
    // few bytes for each file chosen).
    std::mem::forget(reading);
}

/// Imports files written for `data/`, read with `announcements validate`'s
/// checks (`data_files::import`).
fn import_files(yours: Yours, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let count = files.len();
    // Each file's text, or why it was not read.
    type Read = Result<NamedText, String>;
    let read: std::rc::Rc<std::cell::RefCell<Vec<Read>>> = Default::default();
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            read.borrow_mut().push(Err(format!(
                "“{name}” is larger than 2,000 KB, so it was not read."
            )));
            continue;
        }
        let read = read.clone();
        let reading =
            gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |bytes| {
                let text = bytes
                    .map_err(|_| format!("“{name}” could not be read."))
                    .and_then(|b| {
                        String::from_utf8(b).map_err(|_| format!("“{name}” is not text in UTF-8."))
                    });
                read.borrow_mut()
                    .push(text.map(|text| NamedText { name, text }));
                if read.borrow().len() == count {
                    finish_import(yours, read.take());
                }
            });
        std::mem::forget(reading);
    }
    // Every file was refused before reading.
    if read.borrow().len() == count {
        finish_import(yours, read.take());
    }
}

fn finish_import(yours: Yours, files: Vec<Result<NamedText, String>>) {
    let published = yours.base;
    let known_items = published
        .records
        .iter()
        .flat_map(|r| r.items.iter().map(|i| i.id.clone()))
        .collect();
    let mut problems: Vec<String> = files.iter().filter_map(|f| f.clone().err()).collect();
    let files = files.into_iter().filter_map(Result::ok).collect();
    let read = data_files::import(files, &published.organisations, &known_items);
    problems.extend(read.problems);
    yours.reload();
    let mut kept = Vec::new();
    for record in read.records {
        let id = record.record.id.clone();
        if published.record(&id).is_some() {
            problems.push(format!(
                "{id} is already in the published data, so it was not imported."
            ));
            continue;
        }
        if yours
            .kept
            .with_untracked(|k| k.iter().any(|k| k.record.id == id))
        {
            problems.push(format!(
                "{id} is already kept in this browser, so it was not imported again."
            ));
            continue;
        }
        let title = record.record.title.clone().unwrap_or_else(|| id.clone());
        match yours.keep(vec![record]) {
            Ok(()) => kept.push(title),
            Err(problem) => problems.push(problem),
        }
    }
    add_panel::send(NEWS_EVENT, &PanelNews::Changed.to_detail());
    let mut said = match kept.len() {
        0 => "Nothing was imported.".to_string(),
        n => format!("Imported {n}: {}.", kept.join("; ")),
    };
    if !problems.is_empty() {
        said.push_str(&format!(" Problems: {}", problems.join(" ")));
    }
    yours.said.set(Some(said));
}

/// The records kept in this browser, each with its actions.
#[component]
fn YourRecordsList() -> impl IntoView {
    let yours = use_yours();
    let list = move || {
        let kept = yours.kept.get();
        if kept.is_empty() {
            return view! { <p class="yours-none">"You have not kept any text in this browser yet."</p> }.into_any();
        }
        view! {
            <ul class="yours-list">
                {kept
                    .into_iter()
                    .map(|k| {
                        let id = k.record.id.clone();
                        let title = k.record.title.clone().unwrap_or_else(|| id.clone());
                        let figures = match k.record.items.len() {
                            1 => "1 figure".to_string(),
                            n => format!("{n} figures"),
                        };
                        let opened = url_state::encode(&ViewState { open: Some(id.clone()), ..Default::default() });
                        view! {
                            <li>
                                <a href=opened.clone() on:click=move |ev: leptos::ev::MouseEvent| {
                                    if crate::page::is_plain_click(&ev) {
                                        ev.prevent_default();
                                        open_record(yours, &opened);
                                    }
                                }>{title}</a>
                                " · " {figures}
                                <YourRecordActions id />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h3 class="yours-heading">"Your texts"</h3>
        {follow::part(list)}
    }
}

/// Shows the view `query` (a record opened), closing the panel: the
/// explorer reads it from the address bar as it is built again.
fn open_record(yours: Yours, query: &str) {
    browser_url::write_address(query);
    yours.adding.set(Adding::Closed);
    // The explorer follows the address on back and forward; a popstate
    // tells it the view changed.
    if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
        let _ = window().dispatch_event(&event);
    }
}

/// What the panel last made for a kept record: its share link or its
/// files for `data/` (or why not), shown under it in the list.
#[derive(Debug, Clone)]
enum Made {
    Link(Result<String, String>),
    Files(Result<Vec<NamedText>, String>),
}

#[derive(Clone, Copy)]
struct LastMade(RwSignal<Option<(String, Made)>>);

/// Follows the page's requests (`PanelAction`) for the panel's life.
pub fn listen(yours: Yours) {
    let made = LastMade(RwSignal::new(None));
    provide_context(made);
    crate::listen::on_window(ACTION_EVENT, move |event| {
        let Some(action) = add_panel::detail(event).and_then(|d| PanelAction::from_detail(&d))
        else {
            return;
        };
        yours.said.set(None);
        match action {
            PanelAction::Open => open_panel(yours),
            PanelAction::Edit(id) => match find(yours, &id) {
                Some(kept) => review_record(yours, &kept, false),
                None => {
                    open_panel(yours);
                    yours
                        .said
                        .set(Some(format!("“{id}” is no longer kept in this browser.")));
                }
            },
            PanelAction::Share(id) => share(yours, made, id),
            PanelAction::Export(id) => export(yours, made, id),
            PanelAction::Link(packed) => crate::share::open_link(yours, packed),
            PanelAction::Refresh => yours.reload(),
        }
    });
}

fn find(yours: Yours, id: &str) -> Option<YourRecord> {
    yours.reload();
    yours
        .kept
        .with_untracked(|k| k.iter().find(|k| k.record.id == id).cloned())
}

/// Makes the share link of the kept record `id`, shown under it.
fn share(yours: Yours, made: LastMade, id: String) {
    let Some(kept) = find(yours, &id) else {
        return;
    };
    open_panel_quietly(yours);
    leptos::task::spawn_local(async move {
        let link = crate::share::link_for(&kept).await;
        made.0.set(Some((id, Made::Link(link))));
        focus_after_render(&[".share-link input", ".share-link"]);
    });
}

/// Writes the files for `data/` of the kept record `id`, offered under it.
fn export(yours: Yours, made: LastMade, id: String) {
    let Some(kept) = find(yours, &id) else {
        return;
    };
    open_panel_quietly(yours);
    let files = data_files::export(&kept, &yours.base.organisations).map_err(|p| p.join(" "));
    made.0.set(Some((id, Made::Files(files))));
    focus_after_render(&[".export-files button", ".export-files"]);
}

/// Opens the panel at its start without moving focus (what is made there
/// takes it).
fn open_panel_quietly(yours: Yours) {
    if !matches!(yours.adding.get_untracked(), Adding::Open) {
        yours.adding.set(Adding::Open);
    }
}

/// What can be done with a kept record in the panel's list: edit, share,
/// export, delete (the page deletes it, with Undo).
#[component]
fn YourRecordActions(id: String) -> impl IntoView {
    let yours = use_yours();
    let made = expect_context::<LastMade>();
    let (edit, share_id, export_id, delete) = (id.clone(), id.clone(), id.clone(), id.clone());
    let shown = move || {
        made.0.with(|m| match m {
            Some((of, made)) if *of == id => Some(made.clone()),
            _ => None,
        })
    };
    let output = move || {
        shown().map(|made| match made {
            Made::Link(Ok(href)) => view! {
                <div class="share-link">
                    <label>
                        "Share link (it holds the record itself: whoever opens it can keep a copy)"
                        <input type="text" readonly value=href on:focus=move |ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                    </label>
                </div>
            }
            .into_any(),
            Made::Files(Ok(files)) => view! {
                <div class="export-files">
                    <p>"Files for data/ (each one downloads):"</p>
                    <ul>
                        {files
                            .into_iter()
                            .map(|file| {
                                let name = file.name.clone();
                                let mime = if name.ends_with(".toml") { "application/toml" } else { "text/plain" };
                                view! {
                                    <li>
                                        <button type="button" class="quiet" on:click=move |_| {
                                            download::save(&file.name, mime, &file.text);
                                        }>{format!("Download {name}")}</button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any(),
            Made::Link(Err(problem)) | Made::Files(Err(problem)) => {
                view! { <p class="share-link share-problem" tabindex="-1">{problem}</p> }.into_any()
            }
        })
    };
    view! {
        <div class="your-actions">
            <button type="button" class="quiet" on:click=move |_| {
                if let Some(kept) = find(yours, &edit) {
                    review_record(yours, &kept, false);
                }
            }>"Edit"</button>
            <button type="button" class="quiet" on:click=move |_| share(yours, made, share_id.clone())>"Share link"</button>
            <button type="button" class="quiet" on:click=move |_| export(yours, made, export_id.clone())>"Export files"</button>
            <button type="button" class="quiet" on:click=move |_| {
                add_panel::send(NEWS_EVENT, &PanelNews::Delete(delete.clone()).to_detail());
            }>"Delete"</button>
        </div>
        {follow::part(output)}
    }
}

/// The review: the text with every find marked, and a form for the text's
/// details and for each figure.
#[component]
fn ReviewForm(review: Arc<Review>) -> impl IntoView {
    let yours = use_yours();
    let draft = RwSignal::new(review.draft.clone());
    let problems = RwSignal::new(Vec::<String>::new());
    let first = review.draft.clone();
    let found = &review.found;
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let summary = format!(
        "Found {}, {}, {}, {} and {} it names.",
        count(first.figures.len(), "amount of money", "amounts of money"),
        count(
            found.financial_years.len(),
            "financial year",
            "financial years"
        ),
        count(found.dates.len(), "date", "dates"),
        count(
            found.organisations.len(),
            "organisation the data knows",
            "organisations the data knows"
        ),
        count(found.places.len(), "place", "places"),
    );
    // A long text's figures beyond the first are drawn on request (or when
    // one of their marks is followed): a 20,000-word paste has hundreds.
    let all_figures = RwSignal::new(false);
    let rest: Vec<funding_core::yours::DraftFigure> =
        first.figures.iter().skip(FIRST_FIGURES).cloned().collect();
    let years_rest = found.financial_years.clone();
    // Whether each figure is kept, read by its mark and its form: a memo
    // each, so typing in the form redraws neither.
    let kept: Vec<Memo<bool>> = (0..first.figures.len())
        .map(|n| Memo::new(move |_| draft.with(|d| d.figures.get(n).is_some_and(|f| f.keep))))
        .collect();
    let kept_rest: Vec<Memo<bool>> = kept.iter().skip(FIRST_FIGURES).copied().collect();
    // Whom money for a recipient can be for: worked out once for every form.
    let choices = Memo::new(move |_| {
        yours
            .dataset
            .with(|d| draft.with(|draft| draft.recipient_choices(&d.organisations)))
    });
    let pieces = marked_pieces(&first.text, &found.marks);
    let starts: Vec<usize> = first.figures.iter().map(|f| f.start).collect();
    let text = pieces
        .into_iter()
        .map(|piece| match piece.mark {
            None => piece.text.into_any(),
            Some(MarkKind::Amount) => match starts.iter().position(|s| *s == piece.start) {
                Some(n) => {
                    let kept = kept[n];
                    let dropped = follow::flag(move || !kept.get());
                    view! {
                        <a class="find find-amount" class:is-dropped=dropped id=format!("found-{n}") href=format!("#figure-{n}")
                            on:click=move |ev| {
                                if n >= FIRST_FIGURES && !all_figures.get_untracked() {
                                    // Its form is among those not drawn yet.
                                    ev.prevent_default();
                                    all_figures.set(true);
                                    crate::focus::focus_id_after_render(format!("figure-{n}"));
                                } else {
                                    crate::focus::go_to_place(&ev, &format!("figure-{n}"));
                                }
                            }>
                            {piece.text}
                        </a>
                    }
                    .into_any()
                }
                None => view! { <mark class="find find-amount">{piece.text}</mark> }.into_any(),
            },
            Some(kind) => view! {
                <mark class=format!("find find-{}", kind.name().replace(' ', "-")) title=kind.name()>{piece.text}</mark>
            }
            .into_any(),
        })
        .collect_view();
    let years = found.financial_years.clone();
    let dates = found.dates.clone();
    let organisations_named: Vec<(String, String)> = {
        let dataset = yours.dataset.get_untracked();
        let mut named: Vec<(String, String)> = found
            .organisations
            .iter()
            .filter_map(|name| dataset.organisations.iter().find(|o| &o.name == name))
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect();
        // A recipient kept before, that the text does not name (an edit).
        for id in &first.recipients {
            if !named.iter().any(|(i, _)| i == id) {
                if let Some(o) = dataset.organisation(id) {
                    named.push((o.id.clone(), o.name.clone()));
                }
            }
        }
        named
    };
    let all_names: Vec<String> = yours
        .dataset
        .get_untracked()
        .organisations
        .iter()
        .map(|o| o.name.clone())
        .collect();
    let keep = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // What other tabs or the page kept meanwhile counts too.
        yours.reload();
        let taken = yours.ids();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let organisations = yours.dataset.with_untracked(|d| d.organisations.clone());
        match draft.with_untracked(|d| d.to_records(yours.base, &organisations, &taken)) {
            Err(found) => {
                problems.set(found);
                focus_after_render(&["#review-problems"]);
            }
            Ok(records) => {
                let titles: Vec<String> = yours.dataset.with_untracked(|d| {
                    records
                        .iter()
                        .map(|r| format!("“{}”", r.record.display_title(d)))
                        .collect()
                });
                let title = match titles.len() {
                    1 => titles.concat(),
                    n => format!(
                        "{n} records, one for each recipient or group of them: {}",
                        titles.join(", ")
                    ),
                };
                let query = url_state::encode(&ViewState {
                    open: records.first().map(|r| r.record.id.clone()),
                    ..Default::default()
                });
                match yours.keep(records) {
                    Ok(()) => {
                        browser_url::write_address(&query);
                        yours.adding.set(Adding::Closed);
                        yours.said.set(None);
                        // The page reads it again, shows it open, and says so.
                        add_panel::send(NEWS_EVENT, &PanelNews::Kept(title).to_detail());
                    }
                    Err(problem) => problems.set(vec![problem]),
                }
            }
        }
    };
    let cancel = move |_| {
        if review_is_edit(&draft) {
            close_panel(yours);
        } else {
            open_panel(yours);
        }
    };
    let heading = if review.shared {
        "A record shared with you"
    } else if first.editing.is_some() {
        "Edit your text"
    } else {
        "Review what was found"
    };
    let file_line = first
        .file_name
        .clone()
        .map(|name| view! { <p class="review-file">"From the file “" {name} "”"</p> });
    view! {
        <section class="add-panel review" aria-labelledby="review-heading">
            <div class="add-bar">
                <h2 id="review-heading" tabindex="-1">{heading}</h2>
                <button type="button" class="quiet" on:click=cancel>"Cancel"</button>
            </div>
            {review.shared.then(|| view! {
                <p class="notice shared-note">
                    "Someone else's record, opened from their link. It is shown here only: it is not in your list or your totals unless you keep it."
                </p>
            })}
            {file_line}
            <p class="review-summary">{summary}</p>
            <div class="review-columns">
                <div class="review-text" tabindex="0" role="region" aria-label="The text, with what was found marked">
                    <p class="mark-key">
                        "Marked: " <span class="find find-amount">"money"</span> " " <mark class="find find-financial-year">"financial years"</mark> " "
                        <mark class="find find-date">"dates"</mark> " " <mark class="find find-organisation">"organisations"</mark> " "
                        <mark class="find find-place">"places"</mark>
                    </p>
                    <div class="review-words">{text}</div>
                </div>
                <form class="review-form" on:submit=keep novalidate>
                    <fieldset class="review-whole">
                        <legend>"The text"</legend>
                        <TextField label="Title" id="review-title" value=first.title.clone() set=move |v| draft.update(|d| d.title = v) />
                        <TextField label="Publisher" id="review-publisher" value=first.publisher.clone() set=move |v| draft.update(|d| d.publisher = v) />
                        <ChoiceField
                            id="review-date".to_string()
                            label="Date published"
                            options=std::iter::once((String::new(), "Not stated".to_string()))
                                .chain(found.dates.iter().map(|d| (d.to_string(), d.readable())))
                                .collect()
                            chosen=first.published_on.map(|d| d.to_string()).unwrap_or_default()
                            pick=move |code: String| {
                                let date = dates.iter().copied().find(|d| d.to_string() == code);
                                draft.update(|d| d.published_on = date);
                            }
                        />
                        <p class="field-help">"The dates the text states."</p>
                        <TextField label="Source address" id="review-source" value=first.source_url.clone() set=move |v| draft.update(|d| d.source_url = v) />
                        <ChoiceField
                            id="review-programme".to_string()
                            label="Programme"
                            options=std::iter::once((Programme::NotStated.code().to_string(), Programme::NotStated.name().to_string()))
                                .chain(Programme::ALL.iter().filter(|p| **p != Programme::NotStated).map(|p| (p.code().to_string(), p.name().to_string())))
                                .collect()
                            chosen=first.programme.code().to_string()
                            pick=move |code: String| {
                                if let Some(programme) = Programme::from_code(&code) {
                                    draft.update(|d| d.programme = programme);
                                }
                            }
                        />
                        <fieldset class="review-recipients">
                            <legend>"Recipients"</legend>
                            <p class="field-help">
                                {if organisations_named.is_empty() {
                                    "The text names no organisation the data knows."
                                } else {
                                    "Organisations the text names: tick those the money is for."
                                }}
                            </p>
                            {organisations_named.into_iter().map(|(id, name)| {
                                let ticked = first.recipients.contains(&id);
                                let box_id = format!("recipient-{id}");
                                let label_for = box_id.clone();
                                view! {
                                    <label class="check" for=label_for>
                                        <input type="checkbox" id=box_id checked=ticked on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = id.clone();
                                            draft.update(|d| {
                                                d.recipients.retain(|r| *r != id);
                                                if on {
                                                    d.recipients.push(id);
                                                }
                                            });
                                        } />
                                        {name}
                                    </label>
                                }
                            }).collect_view()}
                            <label for="review-new-recipient">"Another recipient (a known organisation, or a new one)"</label>
                            <input type="text" id="review-new-recipient" list="known-organisations" value=first.new_recipient.clone()
                                on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.new_recipient = v); } />
                            <datalist id="known-organisations">
                                {all_names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                            </datalist>
                        </fieldset>
                    </fieldset>
                    {first.figures.iter().take(FIRST_FIGURES).enumerate().map(|(n, figure)| view! {
                        <FigureFields n figure=figure.clone() years=years.clone() draft kept=kept[n] choices />
                    }).collect_view()}
                    {follow::part(move || {
                        if all_figures.get() {
                            rest.iter().enumerate().map(|(n, figure)| view! {
                                <FigureFields n=n + FIRST_FIGURES figure=figure.clone() years=years_rest.clone() draft kept=kept_rest[n] choices />
                            }).collect_view().into_any()
                        } else if !rest.is_empty() {
                            let label = format!("Show the other {} figures", rest.len());
                            view! {
                                <button type="button" class="show-more" id="review-more" on:click=move |_| {
                                    all_figures.set(true);
                                    crate::focus::focus_id_after_render(format!("figure-{FIRST_FIGURES}"));
                                }>{label}</button>
                            }.into_any()
                        } else {
                            ().into_any()
                        }
                    })}
                    {first.figures.is_empty().then(|| view! { <p class="field-help">"No amount of money in pounds was found in this text. You can still keep it."</p> })}
                    <div class="review-problems" id="review-problems" tabindex="-1" role="alert">
                        {follow::part(move || {
                            let found = problems.get();
                            (!found.is_empty()).then(|| view! {
                                <p>"Before it can be kept:"</p>
                                <ul>{found.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            })
                        })}
                    </div>
                    <div class="add-actions">
                        <button type="submit" class="primary" id="review-keep">
                            {if review.shared { "Keep a copy" } else { "Keep it" }}
                        </button>
                        <button type="button" class="quiet" on:click=cancel>"Cancel"</button>
                    </div>
                    <p class="field-help">"Kept in this browser only. Export it as files to hand it on."</p>
                </form>
            </div>
        </section>
    }
}

fn review_is_edit(draft: &RwSignal<Draft>) -> bool {
    draft.with_untracked(|d| d.editing.is_some())
}

/// A labelled text field that writes into the draft as it is typed.
#[component]
fn TextField(
    label: &'static str,
    id: &'static str,
    value: String,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input type="text" id=id value=value on:input=move |ev| set(event_target_value(&ev)) />
    }
}

/// One figure's review: keep or drop it, and say what it is.
#[component]
fn FigureFields(
    n: usize,
    figure: funding_core::yours::DraftFigure,
    years: Vec<funding_core::period::FinancialYear>,
    draft: RwSignal<Draft>,
    /// Whether it is kept (a memo of the draft's).
    kept: Memo<bool>,
    /// Whom money for a recipient can be for (the draft's recipients).
    choices: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let set = move |f: Box<dyn FnOnce(&mut funding_core::yours::DraftFigure)>| {
        draft.update(|d| {
            if let Some(figure) = d.figures.get_mut(n) {
                f(figure);
            }
        })
    };
    let id = |what: &str| format!("figure-{n}-{what}");
    // The years the text states, and the figure's own if it was kept with
    // one the text does not state (an imported figure's inferred year).
    let mut years = years;
    if let Some(own) = figure.period.filter(|y| !years.contains(y)) {
        years.push(own);
    }
    // A period the form has no choice for (several years) stays as kept
    // unless a year is chosen.
    let unstated_period = figure
        .was
        .as_ref()
        .filter(|w| w.period.single_year().is_none())
        .and_then(|w| w.period.stated())
        .map_or_else(|| "Not stated".to_string(), |p| format!("{p} (as kept)"));
    let is_money = Memo::new(move |_| {
        draft.with(|d| d.figures.get(n).is_some_and(|f| f.role == Role::Allocation))
    });
    let dropped = follow::flag(move || !kept.get());
    let kept = follow::flag(move || kept.get());
    view! {
        <fieldset class="review-figure" id=format!("figure-{n}") tabindex="-1" class:is-dropped=dropped>
            <legend>
                <span class="amount-as-written">{figure.quote.clone()}</span>
                " "
                <span class="amount-in-pounds">{Money(figure.amount).full()}</span>
            </legend>
            <a class="figure-in-text" href=format!("#found-{n}") on:click=move |ev| crate::focus::go_to_place(&ev, &format!("found-{n}"))>
                "See it in the text"
            </a>
            <label class="check" for=id("keep")>
                <input type="checkbox" id=id("keep") checked=kept on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    set(Box::new(move |f| f.keep = on));
                } />
                "Keep this figure"
            </label>
            <ChoiceField
                id=id("role")
                label="What it is"
                options=Role::ALL.iter().map(|r| (r.code().to_string(), role_choice(*r).to_string())).collect()
                chosen=figure.role.code().to_string()
                pick=move |code: String| {
                    if let Some(role) = Role::from_code(&code) {
                        set(Box::new(move |f| f.role = role));
                    }
                }
            />
            <p class="field-help">"Only money for a recipient is added into totals."</p>
            <ChoiceField
                id=id("stream")
                label="Stream"
                options=FundingStream::ALL.iter().map(|s| (s.code().to_string(), s.name().to_string())).collect()
                chosen=figure.stream.code().to_string()
                pick=move |code: String| {
                    if let Some(stream) = FundingStream::from_code(&code) {
                        set(Box::new(move |f| f.stream = stream));
                    }
                }
            />
            <ChoiceField
                id=id("type")
                label="Type of money"
                options=MoneyType::ALL.iter().map(|t| (t.code().to_string(), t.name().to_string())).collect()
                chosen=figure.money_type.code().to_string()
                pick=move |code: String| {
                    if let Some(t) = MoneyType::from_code(&code) {
                        set(Box::new(move |f| f.money_type = t));
                    }
                }
            />
            <ChoiceField
                id=id("period")
                label="Financial year"
                options=std::iter::once((String::new(), unstated_period))
                    .chain(years.iter().map(|y| (y.to_string(), y.to_string())))
                    .collect()
                chosen=figure.period.map(|y| y.to_string()).unwrap_or_default()
                pick=move |code: String| {
                    let year = years.iter().copied().find(|y| y.to_string() == code);
                    set(Box::new(move |f| f.period = year));
                }
            />
            {figure.sentence_year.map(|y| view! {
                <p class="field-help">{format!("Its sentence names {y}; choose it if the money is for that year.")}</p>
            })}
            {follow::part(move || for_whom(n, draft, &choices.get(), is_money.get()))}
            <label for=id("purpose")>"What it is for (optional)"</label>
            <input type="text" id=id("purpose") value=figure.purpose.clone() on:input=move |ev| {
                let v = event_target_value(&ev);
                set(Box::new(move |f| f.purpose = v));
            } />
        </fieldset>
    }
}

/// A figure's "For": the text's recipients together, or one of them, when
/// the figure is money for a recipient and the text has more than one (or
/// the figure was for one no longer ticked, which "Keep it" then names).
fn for_whom(
    n: usize,
    draft: RwSignal<Draft>,
    choices: &[(String, String)],
    is_money: bool,
) -> AnyView {
    let chosen = draft.with_untracked(|d| d.figures.get(n).and_then(|f| f.for_recipient.clone()));
    let stale = chosen
        .as_ref()
        .filter(|id| !choices.iter().any(|(c, _)| c == *id));
    if !is_money || (choices.len() < 2 && stale.is_none()) {
        return ().into_any();
    }
    let options = std::iter::once((
        String::new(),
        "All the text's recipients, together".to_string(),
    ))
    .chain(choices.iter().cloned())
    .chain(stale.map(|id| {
        (
            id.clone(),
            format!(
                "{} (no longer a recipient of the text)",
                crate::yours::use_yours()
                    .dataset
                    .with_untracked(|d| d.organisation(id).map(|o| o.name.clone()))
                    .unwrap_or_else(|| id.clone())
            ),
        )
    }))
    .collect();
    view! {
        <ChoiceField
            id=format!("figure-{n}-for")
            label="For"
            options
            chosen=chosen.clone().unwrap_or_default()
            pick=move |code: String| {
                let whom = Some(code).filter(|c| !c.is_empty());
                draft.update(|d| {
                    if let Some(f) = d.figures.get_mut(n) {
                        f.for_recipient = whom;
                    }
                });
            }
        />
        <p class="field-help">"A text whose figures are for different recipients is kept as a record for each."</p>
    }
    .into_any()
}

/// A labelled choice of `options` (code and words), `chosen` at first;
/// `pick` is told the code chosen.
#[component]
fn ChoiceField(
    id: String,
    label: &'static str,
    options: Vec<(String, String)>,
    chosen: String,
    #[prop(into)] pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id on:change=move |ev| pick.run(event_target_value(&ev))>
            {options
                .into_iter()
                .map(|(code, words)| {
                    let selected = code == chosen;
                    view! { <option value=code selected=selected>{words}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// A role as the form offers it.
fn role_choice(role: Role) -> &'static str {
    match role {
        Role::Allocation => "Money for a recipient",
        Role::ProgrammeTotal => "Programme total",
        Role::FundSize => "Fund size",
        Role::Context => "Context, or not stated",
    }
}
