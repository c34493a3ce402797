//! The reader's view of a stored text: the text cut into plain runs and marked
//! figures, so the page can render each run as a text node (never as HTML) and
//! each figure as a mark that links to its funding item.

use crate::model::FundingRecord;

/// Which piece of evidence a marked run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureMark {
    /// Index into the record's `items`.
    pub item: usize,
    /// Index into that item's `evidence`.
    pub evidence: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRun {
    pub text: String,
    pub mark: Option<FigureMark>,
    /// Whether the run is the first piece of its figure's mark (the one that
    /// carries the mark's anchor).
    pub starts_mark: bool,
    /// Whether the run matches the search.
    pub hit: bool,
}

/// The record's text as runs, in order; empty for a record without text.
/// Figure spans that overlap an earlier one or fall outside the text are left
/// unmarked rather than breaking the text (validation rejects them in data/).
/// `hits` are character ranges to highlight (see `search::hit_ranges`).
pub fn marked_runs(record: &FundingRecord, hits: &[(usize, usize)]) -> Vec<TextRun> {
    let Some(text) = record.text.as_deref() else {
        return Vec::new();
    };
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<(usize, usize, FigureMark)> = record
        .items
        .iter()
        .enumerate()
        .flat_map(|(item, it)| {
            it.evidence
                .iter()
                .enumerate()
                .map(move |(evidence, e)| (e.start, e.end, FigureMark { item, evidence }))
        })
        .filter(|(start, end, _)| start < end && *end <= chars.len())
        .collect();
    crate::order::sort_by_key(&mut marks, |(start, end, _)| (*start, *end));
    let mut kept: Vec<(usize, usize, FigureMark)> = Vec::new();
    for m in marks {
        if kept.last().is_none_or(|last| m.0 >= last.1) {
            kept.push(m);
        }
    }
    let hits: Vec<(usize, usize)> = hits
        .iter()
        .map(|&(s, e)| (s.min(chars.len()), e.min(chars.len())))
        .filter(|(s, e)| s < e)
        .collect();

    // Cut at every boundary of a mark or a hit.
    let mut cuts: Vec<usize> = vec![0, chars.len()];
    for (s, e, _) in &kept {
        cuts.extend([*s, *e]);
    }
    for (s, e) in &hits {
        cuts.extend([*s, *e]);
    }
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let mut runs: Vec<TextRun> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let mark = kept.iter().find(|(s, e, _)| *s <= from && to <= *e);
        let run = TextRun {
            text: chars[from..to].iter().collect(),
            mark: mark.map(|m| m.2),
            starts_mark: mark.is_some_and(|m| m.0 == from),
            hit: hits.iter().any(|(s, e)| *s <= from && to <= *e),
        };
        // Join neighbours that look the same, so plain text stays in few nodes.
        match runs.last_mut() {
            Some(last) if last.mark == run.mark && last.hit == run.hit && !run.starts_mark => {
                last.text.push_str(&run.text)
            }
            _ => runs.push(run),
        }
    }
    runs
}

/// The id of the element that marks a piece of evidence in the reader, so the
/// figure list can link to it and back.
pub fn evidence_anchor(mark: FigureMark) -> String {
    format!("evidence-{}-{}", mark.item, mark.evidence)
}

/// The id of a funding item's entry in the reader's figure list.
pub fn item_anchor(item: usize) -> String {
    format!("figure-{item}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, FundingItem, Programme, RecordKind, Role};
    use crate::money::Money;
    use crate::period::Period;

    fn record(text: &str, spans: &[(usize, usize)]) -> FundingRecord {
        let chars: Vec<char> = text.chars().collect();
        FundingRecord {
            id: "r".into(),
            kind: RecordKind::Announcement,
            title: None,
            publisher: None,
            author: None,
            published_on: None,
            recipients: vec![],
            places: vec![],
            programme: Programme::NewCareModels,
            care_model: None,
            source_url: None,
            text_file: None,
            text: Some(text.into()),
            items: spans
                .iter()
                .map(|&(start, end)| FundingItem {
                    id: "i".into(),
                    amount: Money(1),
                    stated_as: String::new(),
                    qualifier: None,
                    period: Period::Unstated,
                    period_inferred: None,
                    role: Role::Allocation,
                    stream: crate::model::FundingStream::NotStated,
                    money_type: crate::model::MoneyType::NotStated,
                    classified_by: None,
                    purpose: None,
                    part_of: None,
                    same_as: None,
                    evidence: vec![Evidence {
                        start,
                        end,
                        quote: chars[start.min(chars.len())..end.min(chars.len())]
                            .iter()
                            .collect(),
                    }],
                })
                .collect(),
            people: vec![],
            conditions: vec![],
            notes: vec![],
        }
    }

    #[test]
    fn cuts_the_text_into_plain_and_marked_runs_that_rebuild_it() {
        let text = "Café gets £4m, then £1m.";
        let r = record(text, &[(20, 23), (10, 13)]);
        let runs = marked_runs(&r, &[]);
        let rebuilt: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        let marked: Vec<(&str, usize)> = runs
            .iter()
            .filter_map(|r| r.mark.map(|m| (r.text.as_str(), m.item)))
            .collect();
        assert_eq!(marked, [("£4m", 1), ("£1m", 0)]);
    }

    #[test]
    fn bad_spans_leave_the_text_whole() {
        let text = "£4m and £1m";
        let r = record(text, &[(0, 3), (1, 5), (8, 99)]);
        let runs = marked_runs(&r, &[]);
        let rebuilt: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        assert_eq!(runs.iter().filter(|r| r.mark.is_some()).count(), 1);
    }

    #[test]
    fn search_hits_and_figures_are_both_marked() {
        let text = "Café gets £4m, then £1m.";
        let r = record(text, &[(10, 13)]);
        // "gets £4m" is a hit that overlaps the figure.
        let runs = marked_runs(&r, &[(5, 13), (0, 4)]);
        let rebuilt: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(rebuilt, text);
        let shape: Vec<(&str, bool, bool, bool)> = runs
            .iter()
            .map(|r| (r.text.as_str(), r.mark.is_some(), r.starts_mark, r.hit))
            .collect();
        assert_eq!(
            shape,
            [
                ("Café", false, false, true),
                (" ", false, false, false),
                ("gets ", false, false, true),
                ("£4m", true, true, true),
                (", then £1m.", false, false, false),
            ]
        );
    }
}
