//! Texts a person adds in the browser (`yours.rs`): a seed text and a text
//! written here go from extraction, through a review, to a kept record that
//! search and the totals take in, and to files that `data/`'s own checks
//! accept; what arrives from storage or a link is checked, never trusted.

use funding_core::explore::Explorer;
use funding_core::extract::{extract, Gazetteer};
use funding_core::model::{FundingStream, MoneyType, Programme, RecordKind, Role};
use funding_core::sources::{
    announcement_toml, load_dir, organisations_toml, read_announcement_files,
    read_new_organisations, SourceFile,
};
use funding_core::view::ViewState;
use funding_core::yours::*;
use funding_core::Dataset;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The one record a draft keeps (its figures all for the text's recipients).
fn only(mut records: Vec<YourRecord>) -> YourRecord {
    assert_eq!(records.len(), 1, "one record");
    records.remove(0)
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn dataset() -> Dataset {
    load_dir(&data_dir()).expect("data/ loads")
}

const OWN_TEXT: &str = "Riverside Care Partnership to receive £1.25m\n\n\
    Published 3 March 2019\n\n\
    The Riverside Care Partnership will receive £1.25 million in 2019/20 to join up \
    community nursing and social care, part of a £20m regional programme. \
    Dudley MCP shared its learning.";

/// A draft of `text` as the form would have it after a review: the first
/// figure is money for a recipient, the rest are left as context.
fn reviewed(text: &str, d: &Dataset) -> Draft {
    let found = extract(text, &Gazetteer::from_dataset(d));
    let mut draft = Draft::new(text.to_string(), Some("own.txt".into()), &found);
    draft.programme = Programme::NewCareModels;
    draft.title = "Riverside gets £1.25m".into();
    draft.publisher = "A local paper".into();
    draft.published_on = found.dates.first().copied();
    draft.source_url = "https://example.org/riverside".into();
    draft.new_recipient = "Riverside Care Partnership".into();
    draft.figures[0].role = Role::Allocation;
    draft.figures[0].stream = FundingStream::NotStated;
    draft
}

#[test]
fn a_text_written_here_is_found_reviewed_kept_and_counted() {
    let d = dataset();
    let found = extract(OWN_TEXT, &Gazetteer::from_dataset(&d));
    let quotes: Vec<&str> = found.amounts.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(quotes, ["£1.25m", "£1.25 million", "£20m"]);
    let fresh = Draft::new(OWN_TEXT.to_string(), None, &found);
    // Nothing the text does not state for certain is filled in: no
    // recipient ticked, no year (its sentence's year is a hint), the
    // programme not stated when the text names none, every figure context.
    assert!(fresh.recipients.is_empty());
    assert_eq!(fresh.figures[1].period, None);
    assert_eq!(
        fresh.figures[1]
            .sentence_year
            .map(|y| y.to_string())
            .as_deref(),
        Some("2019/20")
    );
    assert_eq!(fresh.programme, Programme::NotStated);
    assert!(fresh.figures.iter().all(|f| f.role == Role::Context));
    // Every field can be left not stated: such a record is kept, and data/'s
    // own checks accept its files.
    let unstated = fresh
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .expect("a draft with nothing stated is kept");
    assert_eq!(unstated.record.programme, Programme::NotStated);
    validate_with(&unstated, &d).expect("validates");
    let mut draft = reviewed(OWN_TEXT, &d);
    draft.figures[1].keep = false;
    let kept = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .expect("a reviewed draft is kept");
    assert_eq!(kept.record.id, "riverside-gets-1-25m");
    assert_eq!(kept.record.kind, RecordKind::Yours);
    assert_eq!(kept.record.items.len(), 2, "the dropped figure is not kept");
    assert_eq!(kept.new_organisations[0].name, "Riverside Care Partnership");

    let with = with_yours(&d, std::slice::from_ref(&kept));
    let explorer = Explorer::new(&with);
    let view = ViewState {
        query: "riverside".into(),
        ..ViewState::default()
    };
    let found = explorer.run(&view);
    assert!(found
        .rows
        .iter()
        .any(|r| with.records[r.record].id == kept.record.id));
    // The allocation counts in the recipients' total like any other.
    let before = Explorer::new(&d).run(&ViewState::default()).totals;
    let after = explorer.run(&ViewState::default()).totals;
    assert_ne!(format!("{before:?}"), format!("{after:?}"));
}

#[test]
fn nothing_outside_is_kept_as_a_link_or_without_its_recipient() {
    let d = dataset();
    let mut draft = reviewed(OWN_TEXT, &d);
    draft.source_url = "javascript:alert(1)".into();
    draft.new_recipient.clear();
    draft.recipients.clear();
    let problems = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("web address")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("needs its recipient")),
        "{problems:?}"
    );
}

#[test]
fn a_new_record_never_takes_an_id_in_use() {
    let d = dataset();
    let draft = reviewed(OWN_TEXT, &d);
    let first = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let second = draft
        .to_records(&d, &d.organisations, &[first.record.id.as_str()])
        .map(only)
        .unwrap();
    assert_eq!(second.record.id, "riverside-gets-1-25m-2");
    let mut titled_like_a_seed = draft.clone();
    titled_like_a_seed.title = d.records[0].id.clone();
    let third = titled_like_a_seed
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    assert_ne!(third.record.id, d.records[0].id);
}

/// Writes the exported files into a copy of data/ and runs its checks.
fn validate_with(kept: &YourRecord, d: &Dataset) -> Result<Dataset, String> {
    let dir = std::env::temp_dir().join(format!("yours-{}-{}", std::process::id(), kept.record.id));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&data_dir(), &dir);
    let mut orgs = d.organisations.clone();
    orgs.extend(kept.new_organisations.iter().cloned());
    let toml = announcement_toml(&kept.record, &orgs)?;
    let announcements = dir.join("announcements");
    std::fs::write(announcements.join(format!("{}.toml", kept.record.id)), toml).unwrap();
    std::fs::write(
        announcements.join(kept.record.text_file.as_deref().unwrap()),
        kept.record.text.as_deref().unwrap(),
    )
    .unwrap();
    if !kept.new_organisations.is_empty() {
        let mut file = std::fs::read_to_string(dir.join("organisations.toml")).unwrap();
        file.push('\n');
        file.push_str(&organisations_toml(&kept.new_organisations)?);
        std::fs::write(dir.join("organisations.toml"), file).unwrap();
    }
    let result = load_dir(&dir).map_err(|p| format!("{p:#?}"));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn exported_files_pass_the_datas_own_checks_and_read_back_as_the_same_record() {
    let d = dataset();
    let kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let validated = validate_with(&kept, &d).expect("data/ with the exported files validates");
    let there = validated
        .record(&kept.record.id)
        .expect("the record is in the dataset");
    assert_eq!(there.items, kept.record.items);
    assert_eq!(there.published_on, kept.record.published_on);

    // And the page's import reads them back.
    let mut orgs = d.organisations.clone();
    orgs.extend(kept.new_organisations.iter().cloned());
    let toml = SourceFile {
        name: format!("{}.toml", kept.record.id),
        text: announcement_toml(&kept.record, &orgs).unwrap(),
    };
    let texts = HashMap::from([(
        kept.record.text_file.clone().unwrap(),
        kept.record.text.clone().unwrap(),
    )]);
    let read = read_announcement_files(&toml, &texts, &orgs, &HashSet::new()).unwrap();
    assert_eq!(read.items, kept.record.items);
    assert_eq!(read.recipients, kept.record.recipients);
    let new_orgs = read_new_organisations(
        &SourceFile {
            name: "organisations.toml".into(),
            text: organisations_toml(&kept.new_organisations).unwrap(),
        },
        &d.organisations,
    )
    .unwrap();
    assert_eq!(new_orgs, kept.new_organisations);
}

#[test]
fn a_seed_text_added_again_validates_as_a_new_record() {
    let d = dataset();
    let text =
        std::fs::read_to_string(data_dir().join("announcements/000_e02a0333c431fb2f.txt")).unwrap();
    let found = extract(&text, &Gazetteer::from_dataset(&d));
    let mut draft = Draft::new(text.clone(), None, &found);
    // The vanguard is found by name (the form offers it to tick), and the
    // programme by the text's own word "vanguards".
    assert!(
        found
            .organisations
            .iter()
            .any(|o| o == "All Together Better Sunderland"),
        "{:?}",
        found.organisations
    );
    assert_eq!(draft.programme, Programme::NewCareModels);
    draft.recipients = vec!["all-together-better-sunderland".into()];
    draft.title = "Sunderland again".into();
    draft.published_on = found.dates.iter().copied().find(|d| d.year == 2017);
    draft.figures[0].role = Role::Allocation;
    draft.figures[0].money_type = MoneyType::NotStated;
    let kept = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    assert!(kept.new_organisations.is_empty());
    validate_with(&kept, &d).expect("validates");
}

#[test]
fn storage_is_read_back_and_anything_else_is_refused_not_lost() {
    let d = dataset();
    let kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let stored = write_store(std::slice::from_ref(&kept));
    let read = read_store(Some(&stored));
    assert_eq!((read.records, read.unreadable), (vec![kept.clone()], None));
    assert_eq!(read_store(None).records, vec![]);
    // A later format is named, not misread.
    let mut later = from_base64url(&stored).unwrap();
    later[3] = b'2';
    let read = read_store(Some(&base64url(&later)));
    assert!(read.records.is_empty());
    assert!(read.unreadable.unwrap().contains("format 2"));
    assert!(read_store(Some("{not what the page writes"))
        .unreadable
        .is_some());
    let cut = &stored[..stored.len() / 2];
    assert!(read_store(Some(cut)).unreadable.is_some());
    // A figure whose words were changed in storage is not taken on trust;
    // the other records are still read.
    let mut tampered = kept.clone();
    tampered.record.id = "tampered".into();
    for item in &mut tampered.record.items {
        item.id = item.id.replacen("riverside-gets-1-25m", "tampered", 1);
    }
    tampered.record.items[0].evidence[0].quote = "£9.99m".into();
    let read = read_store(Some(&write_store(&[tampered, kept.clone()])));
    assert_eq!(read.records, vec![kept.clone()]);
    assert!(read
        .unreadable
        .unwrap()
        .contains("“tampered” is not as the page keeps it"));
}

#[test]
fn a_share_link_carries_the_record_and_is_checked_when_opened() {
    let d = dataset();
    let kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let bytes = share_bytes(&kept);
    let fragment = base64url(&bytes);
    assert!(fragment
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    let back = from_base64url(&fragment).unwrap();
    assert_eq!(read_shared(&back).unwrap(), kept);
    let mut hostile = kept.clone();
    hostile.record.source_url = Some("javascript:alert(1)".into());
    assert!(read_shared(&share_bytes(&hostile)).is_err());
    // A date or year the text does not state is refused, as validate would.
    let mut undated = kept.clone();
    undated.record.published_on = funding_core::calendar::PartialDate::parse_iso("2020-01-01");
    assert!(
        read_shared(&share_bytes(&undated)).unwrap_err()[0].contains("not a date the text states")
    );
    assert!(read_shared(&bytes[..bytes.len() - 3]).is_err());
    assert!(from_base64url("a").is_none());
    assert!(from_base64url("ab!d").is_none());
    for n in 0..40u8 {
        let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
        assert_eq!(from_base64url(&base64url(&bytes)).unwrap(), bytes);
    }
}

#[test]
fn files_are_read_as_text_only() {
    let html = "<html><head><title>x</title><script>alert('£9m')</script></head>\
                <body><h1>Funding</h1><p>Trust gets &pound;2m &amp; more</p>\
                <style>p{}</style><img src=x onerror=alert(1)></body></html>";
    let text = text_of_file("page.html", html.as_bytes()).unwrap();
    assert_eq!(text, "Funding\nTrust gets £2m & more");
    assert!(text_of_file("photo.jpg", b"\xff\xd8")
        .unwrap_err()
        .contains("not a .txt"));
    assert!(text_of_file("notes.txt", b"a\0b")
        .unwrap_err()
        .contains("binary"));
    assert!(text_of_file("notes.txt", &[0xc3, 0x28])
        .unwrap_err()
        .contains("UTF-8"));
    let long = "word ".repeat(MAX_TEXT_CHARS / 5 + 1);
    assert!(text_of_file("long.md", long.as_bytes())
        .unwrap_err()
        .contains("up to"));
    assert!(check_text_size("   ").is_err());
}

#[test]
fn exported_files_import_back_as_the_same_record() {
    use funding_core::data_files::{export, import, NamedText, NEW_ORGANISATIONS_FILE};
    let d = dataset();
    let kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let files = export(&kept, &d.organisations).expect("exported");
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "riverside-gets-1-25m.toml",
            "riverside-gets-1-25m.txt",
            NEW_ORGANISATIONS_FILE
        ]
    );
    let read = import(files.clone(), &d.organisations, &HashSet::new());
    assert_eq!(read.problems, Vec::<String>::new());
    assert_eq!(read.records, vec![kept]);
    // A text that does not match its file is refused, with the reason.
    let mut broken = files;
    broken[1] = NamedText {
        name: broken[1].name.clone(),
        text: "Another text altogether".into(),
    };
    let read = import(broken, &d.organisations, &HashSet::new());
    assert!(read.records.is_empty());
    assert!(
        read.problems.iter().any(|p| p.contains("evidence")),
        "{:?}",
        read.problems
    );
}

#[test]
fn an_edit_keeps_the_record_its_figures_ids_and_what_the_form_does_not_show() {
    let d = dataset();
    let mut kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    // As an import might hold: notes, and a period the form cannot show.
    kept.record.notes = vec!["A note kept from the file.".into()];
    kept.record.items[1].period = funding_core::Period::parse("2019/20 to 2020/21");
    let mut draft = Draft::of(&kept);
    draft.title = "Riverside, edited".into();
    draft.figures[0].keep = false;
    let edited = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    assert_eq!(edited.record.id, kept.record.id);
    assert_eq!(edited.record.title.as_deref(), Some("Riverside, edited"));
    assert_eq!(edited.record.notes, kept.record.notes);
    let ids: Vec<&str> = edited.record.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            kept.record.items[1].id.as_str(),
            kept.record.items[2].id.as_str()
        ]
    );
    assert_eq!(edited.record.items[0].period, kept.record.items[1].period);
    // Its new organisation stays its own.
    assert_eq!(edited.new_organisations, kept.new_organisations);
}

#[test]
fn a_recipient_only_another_kept_record_holds_goes_with_the_record() {
    let d = dataset();
    let first = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let with = with_yours(&d, std::slice::from_ref(&first));
    let mut second = reviewed(OWN_TEXT, &d);
    second.title = "Riverside again".into();
    second.new_recipient.clear();
    second.recipients = vec!["riverside-care-partnership".into()];
    let kept = second
        .to_records(&d, &with.organisations, &[first.record.id.as_str()])
        .map(only)
        .unwrap();
    assert_eq!(kept.new_organisations, first.new_organisations);
    // Named again by its id's spelling, a published organisation is that one.
    let mut third = reviewed(OWN_TEXT, &d);
    third.new_recipient = "Dudley-MCP".into();
    let kept = third
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    assert_eq!(kept.record.recipients, ["dudley-mcp"]);
    assert!(kept.new_organisations.is_empty());
}

#[test]
fn a_kept_record_the_published_data_now_holds_is_not_counted_twice() {
    let d = dataset();
    let mut kept = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    kept.record.id = d.records[0].id.clone();
    let with = with_yours(&d, std::slice::from_ref(&kept));
    assert_eq!(with.records.len(), d.records.len());
    assert_eq!(
        already_published(&d, std::slice::from_ref(&kept)),
        [d.records[0].id.as_str()]
    );
}

#[test]
fn the_page_and_its_panel_read_each_others_words() {
    for action in [
        PanelAction::Open,
        PanelAction::Edit("a-b".into()),
        PanelAction::Share("a".into()),
        PanelAction::Export("a".into()),
        PanelAction::Link("RkVz_-x".into()),
        PanelAction::Refresh,
    ] {
        assert_eq!(PanelAction::from_detail(&action.to_detail()), Some(action));
    }
    for news in [
        PanelNews::Ready,
        PanelNews::Changed,
        PanelNews::Kept("A title with spaces: £4m".into()),
        PanelNews::Delete("a-b".into()),
    ] {
        assert_eq!(PanelNews::from_detail(&news.to_detail()), Some(news));
    }
    assert_eq!(PanelAction::from_detail("<script>"), None);
}

#[test]
fn someone_elses_record_kept_from_a_link_is_a_record_of_ones_own() {
    let d = dataset();
    let theirs = reviewed(OWN_TEXT, &d)
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let shared = read_shared(&share_bytes(&theirs)).unwrap();
    let draft = Draft::of_someone_elses(&shared, &d);
    let taken = [theirs.record.id.as_str()];
    let mine = draft
        .to_records(&d, &d.organisations, &taken)
        .map(only)
        .unwrap();
    assert_eq!(mine.record.id, "riverside-gets-1-25m-2");
    assert!(mine
        .record
        .items
        .iter()
        .all(|i| i.id.starts_with("riverside-gets-1-25m-2/")));
    assert_eq!(mine.new_organisations, theirs.new_organisations);
    assert_eq!(mine.record.items.len(), theirs.record.items.len());
}

#[test]
fn a_total_that_adds_your_money_says_so() {
    use funding_core::page::{totals_summary, YOURS_ADDED};
    let d = dataset();
    let mut draft = reviewed(OWN_TEXT, &d);
    // Money of the headline kind: the vanguard fund, for 2019/20.
    draft.figures[1].role = Role::Allocation;
    draft.figures[1].stream = FundingStream::VanguardFund;
    draft.figures[1].period = draft.figures[1].sentence_year;
    // And money whose fund it does not state, for the same year.
    draft.figures[0].period = draft.figures[1].sentence_year;
    let kept = draft
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    let with = with_yours(&d, std::slice::from_ref(&kept));
    let before = totals_summary(&d, &Explorer::new(&d).run(&ViewState::default()).totals);
    assert!(!before.headline_note.contains(YOURS_ADDED));
    assert!(before
        .others
        .iter()
        .all(|(_, line)| !line.contains(YOURS_ADDED)));
    let after = totals_summary(
        &with,
        &Explorer::new(&with).run(&ViewState::default()).totals,
    );
    assert!(
        after.headline_note.contains(YOURS_ADDED),
        "{}",
        after.headline_note
    );
    // The figure whose fund is not stated is added apart, and says so too.
    assert!(
        after
            .others
            .iter()
            .any(|(_, line)| line.contains(YOURS_ADDED)),
        "{:?}",
        after.others
    );
}

/// A kept text about a published recipient's year, with `amount` stated for
/// it as vanguard money (the kind HSJ's published figure for Sunderland's
/// 2016/17 is).
fn sunderland_2016_17(amount: &str, d: &Dataset) -> YourRecord {
    let text = format!(
        "Sunderland to get {amount}\n\nPublished 3 March 2016\n\n\
         All Together Better Sunderland will receive {amount} in 2016/17 from the vanguard fund."
    );
    let found = extract(&text, &Gazetteer::from_dataset(d));
    let mut draft = Draft::new(text.clone(), None, &found);
    draft.programme = Programme::NewCareModels;
    draft.title = format!("Sunderland to get {amount}");
    draft.publisher = "A local paper".into();
    draft.published_on = found.dates.first().copied();
    draft.source_url = "https://example.org/sunderland".into();
    draft.recipients = vec!["all-together-better-sunderland".into()];
    let body = &mut draft.figures[1];
    body.role = Role::Allocation;
    body.stream = FundingStream::VanguardFund;
    body.money_type = MoneyType::NotStated;
    body.period = body.sentence_year;
    assert_eq!(
        body.period.map(|y| y.to_string()).as_deref(),
        Some("2016/17")
    );
    draft
        .to_records(d, &d.organisations, &[])
        .map(only)
        .unwrap()
}

#[test]
fn a_total_or_chart_that_rests_on_your_figure_says_so_and_one_that_agrees_with_the_published_does_not(
) {
    use funding_core::charts::{by_recipient, by_year, timeline, ChartSize};
    use funding_core::page::{totals_summary, YOURS_ADDED};
    let d = dataset();
    let sunderland = |with: &Dataset| {
        let mut view = ViewState::default();
        view.narrow_to(&[(
            funding_core::view::Facet::Recipient,
            "all-together-better-sunderland".to_string(),
        )]);
        Explorer::new(with).run(&view)
    };
    // A figure no published source gives for that year: HSJ's £4.8m and
    // this £5.1m make a range whose top only the kept text gives. The
    // published record comes first in the range's group, so this is said
    // from every source in it, not the first.
    let differs = with_yours(&d, &[sunderland_2016_17("£5.1m", &d)]);
    let seen = sunderland(&differs);
    let summary = totals_summary(&differs, &seen.totals);
    assert!(
        summary.headline_note.contains(YOURS_ADDED),
        "{}",
        summary.headline_note
    );
    for chart in [
        by_year::chart(&differs, &seen.totals, ChartSize::WIDE),
        by_recipient::chart(&differs, &seen.totals, ChartSize::WIDE),
    ] {
        assert!(
            chart.summary.contains(YOURS_ADDED),
            "{}: {}",
            chart.id,
            chart.summary
        );
    }
    // The timeline draws the kept text as one's own, not as a reported figure.
    let dots = timeline::chart(&differs, &seen.rows, ChartSize::WIDE);
    assert!(
        dots.summary
            .contains("1 of them added by you in this browser"),
        "{}",
        dots.summary
    );
    assert!(dots
        .legend
        .iter()
        .any(|l| l.label == "Added by you in this browser"));
    let unmarked = timeline::chart(&d, &sunderland(&d).rows, ChartSize::WIDE);
    assert!(unmarked.legend.iter().all(|l| !l.label.contains("by you")));

    // The published figure stated again: the total is the published data's.
    let agrees = with_yours(&d, &[sunderland_2016_17("£4.8m", &d)]);
    let seen = sunderland(&agrees);
    let summary = totals_summary(&agrees, &seen.totals);
    assert!(
        !summary.headline_note.contains(YOURS_ADDED),
        "{}",
        summary.headline_note
    );
    let chart = by_year::chart(&agrees, &seen.totals, ChartSize::WIDE);
    assert!(!chart.summary.contains(YOURS_ADDED), "{}", chart.summary);
}

#[test]
fn a_360giving_grant_from_a_kept_text_says_where_it_came_from() {
    use funding_core::export::{giving360, YOURS_IN_360GIVING};
    let mut d = dataset();
    // A test-only identifier, of the register's form: the real data holds
    // none, and a grant needs one.
    d.organisations
        .iter_mut()
        .find(|o| o.id == "all-together-better-sunderland")
        .unwrap()
        .org_id = Some("GB-NHS-TEST1".into());
    let d = Dataset::new(d.organisations.clone(), d.records.clone());
    let with = with_yours(&d, &[sunderland_2016_17("£5.1m", &d)]);
    let mut view = ViewState::default();
    view.narrow_to(&[(
        funding_core::view::Facet::Recipient,
        "all-together-better-sunderland".to_string(),
    )]);
    let giving = giving360(&with, &Explorer::new(&with).run(&view).rows);
    // North East Connected's dated text, and the kept one.
    assert_eq!(
        (giving.grants, giving.grants_from_yours),
        (2, 1),
        "{}",
        giving.message()
    );
    assert!(
        giving.message().starts_with(
            "The 360Giving file holds 2 grants, 1 of them from texts you added in this browser"
        ),
        "{}",
        giving.message()
    );
    let json = giving.json.unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let descriptions: Vec<(u64, &str)> = value["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["amountAwarded"].as_u64().unwrap(),
                g["description"].as_str().unwrap(),
            )
        })
        .collect();
    for (amount, description) in descriptions {
        assert_eq!(
            description.contains(YOURS_IN_360GIVING),
            amount == 5_100_000,
            "{description}"
        );
    }
}

#[test]
fn figures_for_different_recipients_are_kept_as_a_record_for_each() {
    let d = dataset();
    let text = "Two vanguards share £9.2m\n\nPublished 3 March 2016\n\n\
        All Together Better Sunderland will receive £4.8m in 2016/17 and Dudley MCP \
        will receive £4.4m in 2016/17 from the vanguard fund.";
    let found = extract(text, &Gazetteer::from_dataset(&d));
    let mut draft = Draft::new(text.to_string(), None, &found);
    draft.title = "Two vanguards share £9.2m".into();
    draft.published_on = found.dates.first().copied();
    draft.recipients = vec!["all-together-better-sunderland".into(), "dudley-mcp".into()];
    // The form offers each of the text's recipients for each figure.
    assert_eq!(
        draft.recipient_choices(&d.organisations),
        [
            (
                "all-together-better-sunderland".to_string(),
                "All Together Better Sunderland".to_string()
            ),
            ("dudley-mcp".to_string(), "Dudley MCP".to_string())
        ]
    );
    let quotes: Vec<&str> = draft.figures.iter().map(|f| f.quote.as_str()).collect();
    assert_eq!(quotes, ["£9.2m", "£4.8m", "£4.4m"]);
    for (n, whom) in [(1, "all-together-better-sunderland"), (2, "dudley-mcp")] {
        let figure = &mut draft.figures[n];
        figure.role = Role::Allocation;
        figure.stream = FundingStream::VanguardFund;
        figure.period = figure.sentence_year;
        figure.for_recipient = Some(whom.to_string());
    }
    let kept = draft.to_records(&d, &d.organisations, &[]).unwrap();
    let shape: Vec<(&str, &str, Vec<&str>, Vec<&str>)> = kept
        .iter()
        .map(|k| {
            (
                k.record.id.as_str(),
                k.record.title.as_deref().unwrap_or_default(),
                k.record.recipients.iter().map(String::as_str).collect(),
                k.record
                    .items
                    .iter()
                    .map(|i| i.stated_as.as_str())
                    .collect(),
            )
        })
        .collect();
    // Each its own money; the £9.2m, no one's, goes with the first.
    assert_eq!(
        shape,
        [
            (
                "two-vanguards-share-9-2m-all-together-better-sunderland",
                "Two vanguards share £9.2m (All Together Better Sunderland)",
                vec!["all-together-better-sunderland"],
                vec!["£9.2m", "£4.8m"]
            ),
            (
                "two-vanguards-share-9-2m-dudley-mcp",
                "Two vanguards share £9.2m (Dudley MCP)",
                vec!["dudley-mcp"],
                vec!["£4.4m"]
            ),
        ]
    );
    // Each is a record data/'s checks accept, and the explorer adds each
    // one's money to its own recipient, not to both jointly.
    for record in &kept {
        validate_with(record, &d).expect("validates");
    }
    let with = with_yours(&d, &kept);
    for (recipient, amount) in [
        ("dudley-mcp", 4_400_000),
        ("all-together-better-sunderland", 4_800_000),
    ] {
        let mut view = ViewState::default();
        view.narrow_to(&[(funding_core::view::Facet::Recipient, recipient.to_string())]);
        let rows = Explorer::new(&with).run(&view).rows;
        let mine: Vec<&str> = rows
            .iter()
            .map(|r| &with.records[r.record])
            .filter(|r| r.kind == RecordKind::Yours)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(mine.len(), 1, "{recipient}: {mine:?}");
        let record = with.record(mine[0]).unwrap();
        assert!(record
            .items
            .iter()
            .any(|i| i.amount.0 == amount && i.role == Role::Allocation));
    }

    // A figure for a recipient no longer ticked is a problem, not a guess.
    let mut unticked = draft.clone();
    unticked.recipients.retain(|id| id != "dudley-mcp");
    let problems = unticked.to_records(&d, &d.organisations, &[]).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("£4.4m is for Dudley MCP, no longer one of the text's recipients")),
        "{problems:?}"
    );

    // Sunderland's record, split in an edit: its id stays with its own
    // recipient's money, though Dudley's figure comes first in the text.
    let mut edit = Draft::of(&kept[0]);
    edit.recipients.push("dudley-mcp".into());
    let whole = &mut edit.figures[0];
    whole.role = Role::Allocation;
    whole.for_recipient = Some("dudley-mcp".into());
    edit.figures[1].for_recipient = Some("all-together-better-sunderland".into());
    let split = edit
        .to_records(&d, &d.organisations, &[&kept[1].record.id])
        .unwrap();
    assert_eq!(split[0].record.id, kept[0].record.id);
    assert_eq!(
        split[0].record.recipients,
        ["all-together-better-sunderland"]
    );
    assert_eq!(split[0].record.items[0].id, kept[0].record.items[1].id);
    assert_eq!(split[1].record.recipients, ["dudley-mcp"]);
    assert_ne!(split[1].record.id, kept[1].record.id);
    // A part and its whole are never split between records.
    let mut linked = kept[0].clone();
    linked.record.items[1].part_of = Some(linked.record.items[0].id.clone());
    let mut edit = Draft::of(&linked);
    edit.recipients.push("dudley-mcp".into());
    edit.figures[0].role = Role::Allocation;
    edit.figures[0].for_recipient = Some("dudley-mcp".into());
    edit.figures[1].for_recipient = Some("all-together-better-sunderland".into());
    let problems = edit.to_records(&d, &d.organisations, &[]).unwrap_err();
    assert_eq!(
        problems,
        ["£4.8m is part of £9.2m: keep them for the same recipients."]
    );

    // Dudley's record, edited, stays one record under its id.
    let edit = Draft::of(&kept[1]);
    assert_eq!(edit.recipient_choices(&d.organisations).len(), 1);
    let edited = edit
        .to_records(&d, &d.organisations, &[])
        .map(only)
        .unwrap();
    assert_eq!(edited.record.id, kept[1].record.id);
    assert_eq!(edited.record.items, kept[1].record.items);
}
