//! The explorer page's own markup. The frame the page writes once (notices,
//! search and toolbar, the filter panel, the records' section and the place
//! of the reader) with an id on each part it writes into later ([`Place`]),
//! the buttons' [`Action`]s that one listener reads back, and the parts the
//! page rewrites whole: a facet's "show all" button, a chart's figure, the
//! reader, and the short texts beside them.
//!
//! The page layer (`src/`) only moves these strings into the DOM and turns
//! what was chosen into a new view; every text from the data, a link or a
//! search is escaped here (`html::escape_into`), so nothing the page shows
//! from outside is ever markup.

use crate::charts::Chart;
use crate::explore::FacetValue;
use crate::html::{
    chart_caption, chart_caption_ids, chart_legend, chart_table, chart_targets, escape_into,
    full_text, highlighted, reader_facts_and_figures, reader_notes, sort_options,
};
use crate::model::{Dataset, FundingRecord};
use crate::query::Query;
use crate::view::{Facet, ViewState};

/// The attribute that names what a button of the page does.
pub const ACTION_ATTRIBUTE: &str = "data-action";

/// What a button of the page does. Buttons the core writes in lists (rows,
/// chips, a chart's bars) name their item with their own attribute
/// (`html::OPEN_ATTRIBUTE`, `CHIP_ATTRIBUTE`, `TARGET_ATTRIBUTE`,
/// `CLEAR_ATTRIBUTE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    DismissNotices,
    /// "Filters" on a phone or beside the reader: shows or hides the panel.
    ToggleFilters,
    /// "Done" in the filter panel.
    CloseFilters,
    CopyLink,
    ClearAll,
    ShowMore,
    /// A long facet's "Show all …" / "Show the 10 …" (its facet in
    /// [`FACET_ATTRIBUTE`]).
    MoreValues,
    /// A chart's "Show as table" / "Show as chart" (its chart in
    /// [`CHART_ATTRIBUTE`] on the figure).
    ChartAsTable,
    DownloadChart,
    /// One of the view's downloads (which, in [`DOWNLOAD_ATTRIBUTE`]).
    DownloadView,
    CloseReader,
}

impl Action {
    pub const ALL: [Action; 11] = [
        Action::DismissNotices,
        Action::ToggleFilters,
        Action::CloseFilters,
        Action::CopyLink,
        Action::ClearAll,
        Action::ShowMore,
        Action::MoreValues,
        Action::ChartAsTable,
        Action::DownloadChart,
        Action::DownloadView,
        Action::CloseReader,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::DismissNotices => "dismiss-notices",
            Action::ToggleFilters => "toggle-filters",
            Action::CloseFilters => "close-filters",
            Action::CopyLink => "copy-link",
            Action::ClearAll => "clear-all",
            Action::ShowMore => "show-more",
            Action::MoreValues => "more-values",
            Action::ChartAsTable => "chart-as-table",
            Action::DownloadChart => "download-chart",
            Action::DownloadView => "download-view",
            Action::CloseReader => "close-reader",
        }
    }

    pub fn from_code(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// On a facet's list and its "show all" button: the facet, by
/// [`Facet::id_name`].
pub const FACET_ATTRIBUTE: &str = "data-facet";
/// On a chart's figure: the chart, by its id (`by-year`).
pub const CHART_ATTRIBUTE: &str = "data-chart";
/// On a download button: which download, by `ViewDownload::code`.
pub const DOWNLOAD_ATTRIBUTE: &str = "data-download";

/// The parts of the page it writes into after the frame, by element id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    LinkNotices,
    Search,
    FiltersToggle,
    Sort,
    CopyStatus,
    Layout,
    FilterPanel,
    AmountMin,
    AmountMax,
    AmountError,
    Chips,
    TotalsSummary,
    TotalsExplained,
    TotalsExplainedList,
    Coverage,
    Disagreements,
    Charts,
    DownloadRefused,
    ResultCount,
    NothingFound,
    NoFigureHeld,
    RecordList,
    ShowMore,
    Reader,
    ReaderHeading,
}

impl Place {
    pub const ALL: [Place; 25] = [
        Place::LinkNotices,
        Place::Search,
        Place::FiltersToggle,
        Place::Sort,
        Place::CopyStatus,
        Place::Layout,
        Place::FilterPanel,
        Place::AmountMin,
        Place::AmountMax,
        Place::AmountError,
        Place::Chips,
        Place::TotalsSummary,
        Place::TotalsExplained,
        Place::TotalsExplainedList,
        Place::Coverage,
        Place::Disagreements,
        Place::Charts,
        Place::DownloadRefused,
        Place::ResultCount,
        Place::NothingFound,
        Place::NoFigureHeld,
        Place::RecordList,
        Place::ShowMore,
        Place::Reader,
        Place::ReaderHeading,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Place::LinkNotices => "link-notices",
            Place::Search => "search",
            Place::FiltersToggle => "filters-toggle",
            Place::Sort => "sort",
            Place::CopyStatus => "copy-status",
            Place::Layout => "layout",
            Place::FilterPanel => "filter-panel",
            Place::AmountMin => "amount-min",
            Place::AmountMax => "amount-max",
            Place::AmountError => "amount-error",
            Place::Chips => "chips",
            Place::TotalsSummary => "totals-summary",
            Place::TotalsExplained => "totals-explained",
            Place::TotalsExplainedList => "totals-explained-list",
            Place::Coverage => "coverage-list",
            Place::Disagreements => "disagreements-list",
            Place::Charts => "charts",
            Place::DownloadRefused => "download-refused",
            Place::ResultCount => "result-count",
            Place::NothingFound => "nothing-found",
            Place::NoFigureHeld => "no-figure-held",
            Place::RecordList => "record-list",
            Place::ShowMore => "show-more-place",
            Place::Reader => "reader-place",
            Place::ReaderHeading => "reader-heading",
        }
    }
}

/// The id of a facet's list of checkboxes (`facet-values-caremodel`).
pub fn facet_values_id(facet: Facet) -> String {
    format!("facet-values-{}", facet.id_name())
}

/// The id of the place of a long facet's "show all" button.
pub fn facet_more_id(facet: Facet) -> String {
    format!("facet-more-{}", facet.id_name())
}

/// The facet named by `id_name` (a list's or button's [`FACET_ATTRIBUTE`]).
pub fn facet_named(id_name: &str) -> Option<Facet> {
    Facet::ALL.into_iter().find(|f| f.id_name() == id_name)
}

/// The id of the place a chart's figure is written in (`chart-by-year`).
pub fn chart_place_id(chart: &str) -> String {
    format!("chart-{chart}")
}

/// The charts of the view, in the order the page shows them, by id; the
/// reader's breakdown comes last.
pub const CHARTS: [&str; 5] = [
    "by-year",
    "by-recipient",
    "timeline",
    "breakdown",
    "comparison",
];

/// Rows shown at first and added by "Show more": a screen or two (a row is
/// about 170 px high at desktop width).
pub const PAGE_ROWS: usize = 10;

/// How many values a long facet shows before "Show all".
pub const SHORT_LIST: usize = 10;

/// A facet that can hold hundreds of values (recipients, publishers): it
/// shows the ten with most records until asked for all.
pub fn is_long(facet: Facet) -> bool {
    matches!(facet, Facet::Recipient | Facet::Publisher)
}

/// What the copy link's status says once the address is on the clipboard.
pub const LINK_COPIED: &str = "Link copied";

/// What a download button says when the browser refused the download.
pub const DOWNLOAD_REFUSED: &str = "The browser did not allow the download.";

fn action(out: &mut String, action: Action) {
    out.push(' ');
    out.push_str(ACTION_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(action.code());
    out.push('"');
}

fn id(out: &mut String, place: Place) {
    out.push_str(" id=\"");
    out.push_str(place.id());
    out.push('"');
}

/// The frame of the explorer, written once when it starts: every part that
/// never changes, and an empty place (by [`Place`]) for each part the page
/// writes as the view changes.
pub fn frame() -> String {
    let mut out = String::with_capacity(6000);
    out.push_str("<div class=\"notices\" role=\"status\" aria-live=\"polite\"><div class=\"notice\"><p>Part of this link could not be used; the rest of the view is shown.</p><ul");
    id(&mut out, Place::LinkNotices);
    out.push_str("></ul><button type=\"button\" class=\"quiet\"");
    action(&mut out, Action::DismissNotices);
    out.push_str(">Dismiss</button></div></div>");

    out.push_str("<div class=\"toolbar\"><div class=\"search\" role=\"search\"><label for=\"search\">Search the announcements</label><input");
    id(&mut out, Place::Search);
    out.push_str(" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"e.g. dudley, &quot;care homes&quot;, transf -sunderland\" aria-describedby=\"search-help\"><p id=\"search-help\" class=\"search-help\">Words match their beginnings; use quotes for a phrase and a minus sign to leave a word out. Press / to search from anywhere.</p></div><div class=\"toolbar-actions\"><button type=\"button\" class=\"filters-toggle\"");
    id(&mut out, Place::FiltersToggle);
    out.push_str(" aria-controls=\"filter-panel\" aria-expanded=\"false\"");
    action(&mut out, Action::ToggleFilters);
    out.push_str(">Filters</button><div class=\"sort\"><label for=\"sort\">Sort by</label><select");
    id(&mut out, Place::Sort);
    out.push('>');
    out.push_str(&sort_options());
    out.push_str("</select></div><div class=\"copy-link\"><button type=\"button\"");
    action(&mut out, Action::CopyLink);
    out.push_str(">Copy link</button><span class=\"copy-status\"");
    id(&mut out, Place::CopyStatus);
    out.push_str(" role=\"status\" aria-live=\"polite\"></span></div></div></div>");

    out.push_str("<main class=\"layout\"");
    id(&mut out, Place::Layout);
    out.push_str("><aside class=\"filter-panel\"");
    id(&mut out, Place::FilterPanel);
    out.push_str(" aria-labelledby=\"filters-heading\"><div class=\"filter-panel-head\"><h2 id=\"filters-heading\">Filters</h2><button type=\"button\" class=\"quiet filters-done\"");
    action(&mut out, Action::CloseFilters);
    out.push_str(">Done</button></div><fieldset class=\"facet amount-range\"><legend>Amount of a figure</legend><div class=\"amount-fields\">");
    for (place, label) in [(Place::AmountMin, "From £"), (Place::AmountMax, "To £")] {
        out.push_str("<div class=\"amount-field\"><label for=\"");
        out.push_str(place.id());
        out.push_str("\">");
        out.push_str(label);
        out.push_str("</label><input");
        id(&mut out, place);
        out.push_str(" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" size=\"8\" aria-describedby=\"amount-help\"></div>");
    }
    out.push_str("</div><p id=\"amount-help\" class=\"facet-help\">For example 4.5m or 450k.</p><p class=\"field-error\" role=\"alert\"");
    id(&mut out, Place::AmountError);
    out.push_str("></p></fieldset>");
    for facet in Facet::ALL {
        out.push_str(if is_long(facet) {
            "<fieldset class=\"facet facet-long\"><legend>"
        } else {
            "<fieldset class=\"facet\"><legend>"
        });
        out.push_str(facet.title());
        out.push_str("</legend><ul id=\"");
        out.push_str(&facet_values_id(facet));
        out.push_str("\" ");
        out.push_str(FACET_ATTRIBUTE);
        out.push_str("=\"");
        out.push_str(facet.id_name());
        // An empty list gives way to the sentence (explorer.css).
        out.push_str("\"></ul><p class=\"facet-empty\">None in this view</p>");
        if is_long(facet) {
            out.push_str("<div id=\"");
            out.push_str(&facet_more_id(facet));
            out.push_str("\"></div>");
        }
        out.push_str("</fieldset>");
    }
    out.push_str("</aside>");

    out.push_str("<section class=\"records\" aria-labelledby=\"records-heading\"><h2 id=\"records-heading\" class=\"visually-hidden\">Funding records</h2><div class=\"chips\" aria-label=\"Active search and filters\" role=\"group\"><ul");
    id(&mut out, Place::Chips);
    out.push_str("></ul><button type=\"button\" class=\"quiet clear-all\"");
    action(&mut out, Action::ClearAll);
    out.push_str(">Clear all</button></div><section class=\"totals\" aria-labelledby=\"totals-heading\"><h3 id=\"totals-heading\">Money for recipients in this view</h3><div");
    id(&mut out, Place::TotalsSummary);
    out.push_str("></div><details class=\"totals-explained\"");
    id(&mut out, Place::TotalsExplained);
    out.push_str("><summary>What this total includes</summary><div");
    id(&mut out, Place::TotalsExplainedList);
    out.push_str("></div></details><details class=\"coverage\"><summary>How much of each year's national vanguard total the figures here cover</summary><div");
    id(&mut out, Place::Coverage);
    out.push_str("></div></details><details class=\"coverage\"><summary>Where sources disagree, across the dataset</summary><div");
    id(&mut out, Place::Disagreements);
    out.push_str("></div></details></section><details class=\"charts\"");
    id(&mut out, Place::Charts);
    out.push_str(" open><summary><h2 class=\"charts-heading\">Charts of this view</h2></summary><p class=\"charts-help\">Choose a bar to narrow the view to it; choose a dot to open that record.</p>");
    // The comparison, when the view chooses two to four recipients, first.
    for chart in [CHARTS[4]].iter().chain(&CHARTS[..3]) {
        out.push_str("<div class=\"chart-place\" id=\"");
        out.push_str(&chart_place_id(chart));
        out.push_str("\"></div>");
    }
    out.push_str("</details><div class=\"exports\" role=\"group\" aria-label=\"Download this view\"><span class=\"exports-label\">Download this view:</span>");
    for download in crate::export::ViewDownload::ALL {
        out.push_str("<button type=\"button\" class=\"quiet\"");
        action(&mut out, Action::DownloadView);
        out.push(' ');
        out.push_str(DOWNLOAD_ATTRIBUTE);
        out.push_str("=\"");
        out.push_str(download.code());
        out.push_str("\">");
        out.push_str(download.button());
        out.push_str("</button>");
    }
    out.push_str("<span class=\"download-note\" role=\"status\"");
    id(&mut out, Place::DownloadRefused);
    out.push_str("></span></div><p class=\"result-count\"");
    id(&mut out, Place::ResultCount);
    out.push_str(" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></p><div class=\"nothing-found\"");
    id(&mut out, Place::NothingFound);
    out.push_str("></div><div class=\"no-figure-held\"");
    id(&mut out, Place::NoFigureHeld);
    out.push_str("></div><ul class=\"record-list\"");
    id(&mut out, Place::RecordList);
    out.push_str("></ul><div");
    id(&mut out, Place::ShowMore);
    // The reader's place adds no box: the reader is the layout's own item.
    out.push_str("></div></section><div class=\"reader-place\"");
    id(&mut out, Place::Reader);
    out.push_str("></div></main>");
    out
}

/// What the page says when it cannot start (no data, damaged data).
pub fn load_error(message: &str) -> String {
    let mut out = String::from(
        "<main class=\"load-error\" role=\"alert\"><h2>The funding explorer could not start</h2><p>",
    );
    escape_into(&mut out, message);
    out.push_str("</p></main>");
    out
}

/// The "Filters" button's words, with how many filters are chosen.
pub fn filters_label(view: &ViewState) -> String {
    let chosen = view.filters.values().map(|s| s.len()).sum::<usize>()
        + usize::from(view.min_amount.is_some())
        + usize::from(view.max_amount.is_some());
    if chosen == 0 {
        "Filters".to_string()
    } else {
        format!("Filters ({chosen})")
    }
}

/// What the amount field says when it cannot read what was typed.
pub fn amount_error(typed: &str) -> String {
    let mut out = String::from("“");
    escape_into(&mut out, typed.trim());
    out.push_str("” is not an amount: write it like 4.5m, 450k or 1200000.");
    out
}

/// How many records the view shows.
pub fn records_counted(count: usize) -> String {
    match count {
        0 => "No records match".to_string(),
        1 => "1 record".to_string(),
        n => format!("{n} records"),
    }
}

/// "Show more" when `shown` of `count` rows are in the list, or nothing.
pub fn show_more(count: usize, shown: usize) -> String {
    if count <= shown {
        return String::new();
    }
    let left = count - shown;
    let mut out = String::from("<button type=\"button\" class=\"show-more\" id=\"show-more\"");
    action(&mut out, Action::ShowMore);
    out.push_str(&format!(
        ">Show {} more of {left}</button>",
        left.min(PAGE_ROWS)
    ));
    out
}

/// The values of a facet the page shows, in order: every value, or for a
/// long facet not `all` shown, the [`SHORT_LIST`] with most records (ties in
/// the facet's own order, A to Z) and every chosen one.
pub fn shown_facet_values(facet: Facet, values: &[FacetValue], all: bool) -> Vec<&FacetValue> {
    if all || !is_long(facet) || values.len() <= SHORT_LIST {
        return values.iter().collect();
    }
    let mut by_count: Vec<usize> = (0..values.len()).collect();
    crate::order::sort_by_key(&mut by_count, |&i| std::cmp::Reverse(values[i].count));
    by_count
        .into_iter()
        .enumerate()
        .filter(|(rank, i)| *rank < SHORT_LIST || values[*i].selected)
        .map(|(_, i)| &values[i])
        .collect()
}

/// A long facet's button between its ten values and all `total` of them;
/// nothing for a facet that is not long or has no more to show.
pub fn facet_more(facet: Facet, all: bool, total: usize) -> String {
    if !is_long(facet) || total <= SHORT_LIST {
        return String::new();
    }
    let mut out = String::from("<button type=\"button\" class=\"quiet facet-more\" id=\"");
    out.push_str(&facet_more_id(facet));
    out.push_str("-button\"");
    action(&mut out, Action::MoreValues);
    out.push(' ');
    out.push_str(FACET_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(facet.id_name());
    out.push_str(if all {
        "\" aria-expanded=\"true\">"
    } else {
        "\" aria-expanded=\"false\">"
    });
    if all {
        out.push_str(&format!("Show the {SHORT_LIST} with most records"));
    } else {
        out.push_str(&format!(
            "Show all {total} {}s, A to Z",
            facet.title().to_ascii_lowercase()
        ));
    }
    out.push_str("</button>");
    out
}

/// A chart's figure: its caption (title and what it shows), legend, the
/// drawing with a button over each bar (or, `as_table`, the same numbers as
/// a table), what it leaves out, and its buttons. A chart with nothing to
/// draw says so in its caption; its empty axes, table and buttons are
/// hidden (explorer.css).
pub fn chart_figure(chart: &Chart, as_table: bool) -> String {
    let (title_id, summary_id) = chart_caption_ids(chart);
    let mut out = String::from(if chart.table_rows.is_empty() {
        "<figure class=\"chart chart-empty\" "
    } else {
        "<figure class=\"chart\" "
    });
    out.push_str(CHART_ATTRIBUTE);
    out.push_str("=\"");
    out.push_str(chart.id);
    out.push_str("\" aria-labelledby=\"");
    out.push_str(&title_id);
    out.push_str("\" aria-describedby=\"");
    out.push_str(&summary_id);
    out.push_str("\"><figcaption>");
    out.push_str(&chart_caption(chart));
    out.push_str("</figcaption>");
    if !chart.legend.is_empty() {
        out.push_str("<ul class=\"chart-legend\">");
        out.push_str(&chart_legend(chart));
        out.push_str("</ul>");
    }
    if as_table {
        out.push_str("<div class=\"chart-table-scroll\">");
        out.push_str(&chart_table(chart));
        out.push_str("</div>");
    } else {
        out.push_str(if chart.size.is_narrow() {
            "<div class=\"chart-drawing chart-narrow\">"
        } else {
            "<div class=\"chart-drawing chart-wide\">"
        });
        // The core drew this SVG and escaped every label in it.
        out.push_str("<div class=\"chart-svg\" role=\"img\" aria-label=\"");
        escape_into(&mut out, &chart.title);
        out.push_str("\">");
        out.push_str(&chart.svg);
        out.push_str("</div><div class=\"chart-overlay\">");
        out.push_str(&chart_targets(chart));
        out.push_str("</div></div>");
    }
    if let Some(left_out) = &chart.left_out {
        out.push_str("<p class=\"chart-left-out\">");
        escape_into(&mut out, left_out);
        out.push_str("</p>");
    }
    out.push_str("<div class=\"chart-actions\"><button type=\"button\" id=\"");
    out.push_str(&chart_place_id(chart.id));
    out.push_str("-table\"");
    action(&mut out, Action::ChartAsTable);
    out.push_str(if as_table {
        " aria-pressed=\"true\">Show as chart</button>"
    } else {
        " aria-pressed=\"false\">Show as table</button>"
    });
    out.push_str("<button type=\"button\" class=\"quiet\" id=\"");
    out.push_str(&chart_place_id(chart.id));
    out.push_str("-download\"");
    action(&mut out, Action::DownloadChart);
    out.push_str(
        ">Download SVG</button><span role=\"alert\" class=\"chart-refused\"></span></div></figure>",
    );
    out
}

/// The reader: one record in full, its title and text with the search
/// words marked. `breakdown` is the figure of how it splits its money
/// ([`chart_figure`]), where it has one.
pub fn reader(
    dataset: &Dataset,
    record: &FundingRecord,
    query: &Query,
    breakdown: Option<&str>,
) -> String {
    let mut out = String::from(
        "<section class=\"reader\" aria-labelledby=\"reader-heading\"><div class=\"reader-bar\"><p class=\"record-kind\">",
    );
    out.push_str(if record.text.is_some() {
        "Announcement, full text"
    } else {
        "Reported figure"
    });
    out.push_str("</p><button type=\"button\" class=\"quiet\" id=\"reader-close\"");
    action(&mut out, Action::CloseReader);
    out.push_str(">Close<span class=\"visually-hidden\"> the reader</span></button></div><h2");
    id(&mut out, Place::ReaderHeading);
    out.push_str(" tabindex=\"-1\">");
    out.push_str(&highlighted(&record.display_title(dataset), query));
    out.push_str("</h2><div>");
    out.push_str(&reader_facts_and_figures(dataset, record));
    out.push_str("</div>");
    if let Some(figure) = breakdown {
        out.push_str(figure);
    }
    out.push_str("<div>");
    out.push_str(&reader_notes(record));
    out.push_str("</div>");
    if record.text.is_some() {
        out.push_str("<div class=\"full-text\">");
        out.push_str(&full_text(record, query));
        out.push_str("</div>");
    }
    out.push_str("</section>");
    out
}

/// The reader showing an organisation's page: what the data knows of it,
/// then every figure held for it, a row per financial year and figure with
/// every source that gives it (each a link that opens its record), and
/// what the totals count for the year; then the figures with no single
/// year; and the rule that picks what a total counts.
pub fn recipient_reader(
    dataset: &Dataset,
    page: &crate::recipient::RecipientPage,
    view: &ViewState,
) -> String {
    use crate::html::open_link;
    let Some(organisation) = dataset.organisations.get(page.organisation) else {
        return String::new();
    };
    let mut out = String::from(
        "<section class=\"reader recipient-page\" aria-labelledby=\"reader-heading\"><div class=\"reader-bar\"><p class=\"record-kind\">Recipient</p><button type=\"button\" class=\"quiet\" id=\"reader-close\"",
    );
    action(&mut out, Action::CloseReader);
    out.push_str(">Close<span class=\"visually-hidden\"> the reader</span></button></div><h2");
    id(&mut out, Place::ReaderHeading);
    out.push_str(" tabindex=\"-1\">");
    escape_into(&mut out, &organisation.name);
    out.push_str("</h2><p class=\"recipient-about\">");
    let mut about = organisation.facts();
    if !organisation.places.is_empty() {
        about.push(format!("covering {}", organisation.places.join(", ")));
    }
    if !organisation.aliases.is_empty() {
        about.push(format!("also called {}", organisation.aliases.join(", ")));
    }
    escape_into(&mut out, &format!("{}.", about.join("; ")));
    out.push_str("</p>");
    if page.years.is_empty() && page.other_periods.is_empty() {
        out.push_str("<p class=\"recipient-none\">No figure held: no source the explorer holds gives money for this organisation.</p>");
    }
    if !page.years.is_empty() {
        out.push_str("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Every figure held, by financial year and source (scrolls sideways on a narrow screen)\"><table class=\"recipient-grid\"><caption>Every figure held, by financial year and source</caption><thead><tr><th scope=\"col\">Financial year</th><th scope=\"col\">Figure</th><th scope=\"col\">Sources</th><th scope=\"col\">Counted in the totals</th></tr></thead><tbody>");
        for year in &page.years {
            for (n, line) in year.lines.iter().enumerate() {
                out.push_str(if n == 0 {
                    "<tr class=\"year-start\">"
                } else {
                    "<tr>"
                });
                out.push_str("<th scope=\"row\">");
                if n == 0 {
                    escape_into(&mut out, &year.year.to_string());
                }
                out.push_str("</th><td>");
                escape_into(&mut out, &line.stated(dataset));
                if page.kinds() > 1 {
                    out.push_str("<span class=\"line-kind\">");
                    escape_into(&mut out, &line.kind.short_name());
                    out.push_str("</span>");
                }
                let others = line.jointly_with(dataset, &organisation.id);
                if !others.is_empty() {
                    out.push_str("<span class=\"line-kind\">");
                    escape_into(&mut out, &format!("jointly with {}", others.join(", ")));
                    out.push_str("</span>");
                }
                out.push_str("</td><td><ul class=\"line-sources\">");
                for (name, record) in line.source_names(dataset) {
                    out.push_str("<li>");
                    open_link(&mut out, view, &record, &name);
                    out.push_str("</li>");
                }
                out.push_str("</ul></td><td>");
                if n == 0 {
                    if year.sources_disagree() {
                        out.push_str(
                            "<strong class=\"sources-disagree\">Sources disagree.</strong> ",
                        );
                    } else if year.lines.iter().any(|l| l.sources.len() > 1) {
                        out.push_str("Sources agree. ");
                    }
                    escape_into(&mut out, &year.counted.join("; "));
                }
                out.push_str("</td></tr>");
            }
        }
        out.push_str("</tbody></table></div>");
    }
    if !page.other_periods.is_empty() {
        out.push_str("<h3>Over several years or with no single year: never added into a year</h3><ul class=\"recipient-other\">");
        for line in &page.other_periods {
            out.push_str("<li>");
            escape_into(
                &mut out,
                &format!("{} ({}): ", line.stated(dataset), line.kind.short_name()),
            );
            for (n, (name, record)) in line.source_names(dataset).into_iter().enumerate() {
                if n > 0 {
                    out.push_str("; ");
                }
                open_link(&mut out, view, &record, &name);
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    let raw = page.raw_figures(dataset);
    if !raw.is_empty() {
        out.push_str("<details class=\"raw-figures\"><summary>Show the raw figures instead: each as its source states it, before counting</summary><ul>");
        for (line, record) in raw {
            out.push_str("<li>");
            open_link(&mut out, view, &record, &line);
            out.push_str("</li>");
        }
        out.push_str("</ul></details>");
    }
    out.push_str("<p class=\"counting-rule\">");
    escape_into(&mut out, crate::recipient::COUNTING_RULE);
    out.push_str("</p></section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_place_reads_back_from_its_code() {
        for a in Action::ALL {
            assert_eq!(Action::from_code(a.code()), Some(a));
        }
        assert_eq!(Action::from_code("dismiss"), None);
        for f in Facet::ALL {
            assert_eq!(facet_named(f.id_name()), Some(f));
        }
    }
}
