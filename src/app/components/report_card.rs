//! Article report cards: how far each article can be trusted, criterion by
//! criterion. The comparison table of every article (sortable, a keyboard grid,
//! a real table for screen readers) heads the Sources view; each article's card
//! opens the reader.

use web_sys::ScrollLogicalPosition;
use yew::prelude::*;

use super::focus::use_scroll_to_selected;
use super::grid::{on_grid_focus, on_grid_key};
use super::quote::Quote;
use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Verdict;
use crate::claimbase::model::{CriterionIdx, SourceIdx};
use crate::query::order;
use crate::query::report::{self, Row};

/// A verdict as a symbol; the words go to screen readers and tooltips.
fn symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Satisfactory => "✓",
        Verdict::NotSatisfactory => "✗",
        Verdict::NotApplicable => "–",
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportCardProps {
    pub source: SourceIdx,
    /// The criterion to open and scroll to.
    pub open: Option<CriterionIdx>,
}

/// An article's card: its verdict line, then every criterion, each opening to
/// its reason and the quotes that show it. "Not yet rated" for a new article.
#[component]
pub fn ReportCardView(props: &ReportCardProps) -> Html {
    let base = claimbase::get();
    // A reader who followed a link here goes on from the opened row.
    let selector = props
        .open
        .map(|c| format!("[data-criterion=\"{}\"]", base.criterion(c).id));
    let list = use_scroll_to_selected(selector, ScrollLogicalPosition::Start, Some("summary"));
    let Some(card) = report::card_of(base, props.source) else {
        return html! {
            <section class="mx-report-card mx-unrated" aria-label="Report card">
                <h3>{ "Report card" }</h3>
                <p>{ "Not yet rated: our editors have not reviewed this article yet. Its claims are not graded either." }</p>
            </section>
        };
    };
    let rows = report::rows(base, card);
    html! {
        <section class="mx-report-card" aria-label="Report card">
            <h3>{ "Report card" }</h3>
            <p class="mx-verdict-line">{ card.verdict }</p>
            <p class="mx-muted">{ format!("Satisfactory on {} of {} criteria. Open a criterion for our reason and the article's words.", report::satisfactory(&rows), rows.len()) }</p>
            <ul class="mx-criteria" ref={list}>
                { for rows.into_iter().map(|row| {
                    let open = props.open == Some(row.criterion);
                    criterion_row(&CriterionRowProps { row, open })
                }) }
            </ul>
        </section>
    }
}

struct CriterionRowProps {
    row: Row,
    open: bool,
}

fn criterion_row(props: &CriterionRowProps) -> Html {
    let row = &props.row;
    let criterion = claimbase::get().criterion(row.criterion);
    let how = if row.computed {
        "Computed from the claim base"
    } else {
        "Our rating"
    };
    html! {
        <li data-criterion={criterion.id}>
            <details open={props.open}>
                <summary>
                    <span class={classes!("mx-verdict", format!("mx-verdict-{}", row.verdict.slug()))} aria-hidden="true">{ symbol(row.verdict) }</span>
                    <span class="mx-criterion-name">{ criterion.name }</span>
                    <span class="mx-verdict-words">{ format!(": {}", row.verdict.label().to_ascii_lowercase()) }</span>
                </summary>
                <p class="mx-criterion-question">{ criterion.question }</p>
                <p><span class="mx-label">{ format!("{how}: ") }</span>{ row.reason.clone() }</p>
                { for row.quotes.iter().map(|&passage| html! { <Quote {passage} /> }) }
                <p class="mx-muted">{ format!("Satisfactory means: {}", criterion.satisfactory) }</p>
                <p class="mx-muted">{ format!("From: {}", criterion.origin.join("; ")) }</p>
            </details>
        </li>
    }
}

/// How the comparison table is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// The articles in file order.
    Article,
    /// Most satisfactory criteria first.
    Score,
    /// Satisfactory on one criterion first.
    On(CriterionIdx),
}

/// Every article × every criterion, one glance: a sortable table whose cells
/// open the article's card at that criterion.
#[component]
pub fn ReportTable() -> Html {
    let ctx = use_ctx();
    let order = use_state_eq(|| Order::Article);
    let base = claimbase::get();
    let articles: Vec<(SourceIdx, Option<Vec<Row>>)> = base
        .sources_indexed()
        .map(|(s, _)| {
            (
                s,
                report::card_of(base, s).map(|card| report::rows(base, card)),
            )
        })
        .collect();
    let rank = |rows: &Option<Vec<Row>>| -> usize {
        let Some(rows) = rows else { return 0 };
        match *order {
            Order::Article => 0,
            Order::Score => report::satisfactory(rows),
            Order::On(c) => rows
                .iter()
                .find(|r| r.criterion == c)
                .map_or(0, |r| match r.verdict {
                    Verdict::Satisfactory => 2,
                    Verdict::NotApplicable => 1,
                    Verdict::NotSatisfactory => 0,
                }),
        }
    };
    let articles = order::by_key_descending(articles, |(_, rows)| rank(rows) as u32);
    let sorted = |o: Order| if *order == o { "descending" } else { "none" };
    let sort_button = |o: Order, label: String, name: &'static str| {
        let order = order.clone();
        let pressed = *order == o;
        html! {
            <button type="button" class="mx-sort" aria-pressed={pressed.to_string()} title={label.clone()}
                onclick={move |_| order.set(if *order == o { Order::Article } else { o })}>
                { name }
            </button>
        }
    };
    html! {
        <section class="mx-report-table" aria-labelledby={ctx.id("report-title")}>
            <h3 id={ctx.id("report-title")}>{ "Report cards: how far each article can be trusted" }</h3>
            <p class="mx-intro">{ "We rated each article with the questions that checkers of health news ask (from HealthNewsReview, DISCERN and the JAMA benchmarks). ✓ satisfactory, ✗ not satisfactory, – not applicable. Sort by a column; a cell opens the article's card." }</p>
            <div class="mx-map-scroll" tabindex="0" role="region" aria-label="Report cards of every article, scrollable">
                <table class="mx-report" onkeydown={Callback::from(on_grid_key)} onfocusin={Callback::from(on_grid_focus)}>
                    <caption class="mx-visually-hidden">{ "Every article (rows) against every criterion (columns)" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Article" }</th>
                            <th scope="col" aria-sort={sorted(Order::Score)}>{ sort_button(Order::Score, "Sort by criteria met".to_string(), "Criteria met") }</th>
                            { for base.criteria_indexed().map(|(c, criterion)| html! {
                                <th scope="col" aria-sort={sorted(Order::On(c))}>
                                    { sort_button(Order::On(c), format!("Sort by: {}", criterion.question), criterion.name) }
                                </th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for articles.iter().enumerate().map(|(r, (source, rows))| html! {
                            <ArticleRow source={*source} rows={rows.clone()} row={r} />
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ArticleRowProps {
    source: SourceIdx,
    rows: Option<Vec<Row>>,
    /// Its position in the table, for the grid's arrow keys.
    row: usize,
}

#[component]
fn ArticleRow(props: &ArticleRowProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let source = base.source(props.source);
    let name = source.display_name();
    let header = html! {
        <th scope="row">
            <button type="button" class="mx-link" onclick={ctx.send(Action::OpenSource(props.source))}>{ name.clone() }</button>
        </th>
    };
    let Some(rows) = &props.rows else {
        return html! {
            <tr>{ header }<td colspan={(base.criteria.len() + 1).to_string()} class="mx-muted">{ "Not yet rated" }</td></tr>
        };
    };
    html! {
        <tr data-article={source.id}>
            { header }
            <td class="mx-score">{ format!("{} of {}", report::satisfactory(rows), rows.len()) }</td>
            { for rows.iter().enumerate().map(|(c, row)| {
                let criterion = base.criterion(row.criterion);
                let label = format!("{name}: {}: {}", criterion.name, row.verdict.label());
                let first = props.row == 0 && c == 0;
                html! {
                    <td class={classes!("mx-verdict-cell", format!("mx-verdict-{}", row.verdict.slug()))}>
                        <button type="button" aria-label={label.clone()} title={label}
                            data-row={props.row.to_string()} data-col={c.to_string()} tabindex={if first { "0" } else { "-1" }}
                            onclick={ctx.send(Action::OpenCriterion(props.source, row.criterion))}>
                            { symbol(row.verdict) }
                        </button>
                    </td>
                }
            }) }
        </tr>
    }
}
