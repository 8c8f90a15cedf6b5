use chrono::{DateTime, Duration, Utc};
use journey_list::{ListQuery, SortDirection, SortKey, SortedList, StatusFilter};
use lifecycle::{JourneyVersion, Stats, Status};

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_750_000_000, 0).unwrap() + Duration::minutes(minutes)
}

fn version(id: &str, name: &str, status: Status, active: u64, modified: i64) -> JourneyVersion {
    let mut v = JourneyVersion::draft(id, format!("j-{id}"), name, 1, "Ana", at(0));
    v.status = status;
    v.updated_at = at(modified);
    v.stats = Stats {
        entered: active + 10,
        active,
        completed: 10,
        exited: 0,
    };
    v
}

fn sample() -> Vec<JourneyVersion> {
    vec![
        version("a", "Welcome series", Status::Live, 40, 5),
        version("b", "Birthday offer", Status::Finished, 3, 9),
        version("c", "Cart abandonment", Status::Finished, 0, 1),
        version("d", "welcome back", Status::Draft, 0, 7),
        version("e", "Spring sale", Status::Stopped, 0, 3),
    ]
}

fn ids(versions: &[JourneyVersion], query: &ListQuery) -> Vec<String> {
    let list = SortedList::new(versions, query.sort, query.direction);
    list.matching(&query.search, query.status)
        .into_iter()
        .filter_map(|position| list.id(position).map(str::to_owned))
        .collect()
}

#[test]
fn default_order_is_most_recently_modified_first() {
    assert_eq!(
        ids(&sample(), &ListQuery::default()),
        ["b", "d", "a", "e", "c"]
    );
}

#[test]
fn search_ignores_case_and_surrounding_spaces() {
    let query = ListQuery {
        search: "  WELCOME ".into(),
        ..ListQuery::default()
    };
    assert_eq!(ids(&sample(), &query), ["d", "a"]);
}

#[test]
fn search_matches_non_ascii_names() {
    let mut versions = sample();
    versions.push(version("f", "Élan ÉTÉ", Status::Live, 1, 0));
    let query = ListQuery {
        search: "été".into(),
        ..ListQuery::default()
    };
    assert_eq!(ids(&versions, &query), ["f"]);
}

#[test]
fn finishing_filter_keeps_finished_versions_with_customers_left() {
    let finishing = ListQuery {
        status: StatusFilter::Finishing,
        ..ListQuery::default()
    };
    assert_eq!(ids(&sample(), &finishing), ["b"]);
    let finished = ListQuery {
        status: StatusFilter::Finished,
        ..ListQuery::default()
    };
    assert_eq!(ids(&sample(), &finished), ["b", "c"]);
}

#[test]
fn paused_filter_keeps_paused_versions_only_and_live_leaves_them_out() {
    let mut versions = sample();
    versions.push(version("p", "Welcome pause", Status::Paused, 12, 2));
    let paused = ListQuery {
        status: StatusFilter::Paused,
        ..ListQuery::default()
    };
    assert_eq!(ids(&versions, &paused), ["p"]);
    let live = ListQuery {
        status: StatusFilter::Live,
        ..ListQuery::default()
    };
    assert_eq!(ids(&versions, &live), ["a"]);
    let in_url = paused.to_query();
    assert_eq!(in_url, [("status", "paused".to_owned())]);
    let read = ListQuery::from_query(|key| {
        in_url
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    });
    assert_eq!(read, paused);
}

#[test]
fn sorting_by_name_ignores_case_and_flips_on_second_click() {
    let by_name = ListQuery::default().sorted_by(SortKey::Name);
    assert_eq!(by_name.direction, SortDirection::Ascending);
    assert_eq!(ids(&sample(), &by_name), ["b", "c", "e", "d", "a"]);
    let flipped = by_name.sorted_by(SortKey::Name);
    assert_eq!(ids(&sample(), &flipped), ["a", "d", "e", "c", "b"]);
}

#[test]
fn counts_sort_largest_first() {
    let query = ListQuery::default().sorted_by(SortKey::InJourney);
    assert_eq!(query.direction, SortDirection::Descending);
    assert_eq!(ids(&sample(), &query)[..2], ["a", "b"]);
}

#[test]
fn url_query_round_trips_and_leaves_defaults_out() {
    assert!(ListQuery::default().to_query().is_empty());
    let query = ListQuery {
        search: "sale".into(),
        status: StatusFilter::Stopped,
        sort: SortKey::Entered,
        direction: SortDirection::Ascending,
    };
    let pairs = query.to_query();
    assert_eq!(
        pairs,
        [
            ("q", "sale".to_owned()),
            ("status", "stopped".to_owned()),
            ("sort", "entered".to_owned()),
            ("dir", "asc".to_owned())
        ]
    );
    let read = ListQuery::from_query(|key| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    });
    assert_eq!(read, query);
}

#[test]
fn nonsense_in_the_url_falls_back_to_defaults() {
    let read = ListQuery::from_query(|key| match key {
        "status" => Some("sleeping".into()),
        "sort" => Some("colour".into()),
        "dir" => Some("sideways".into()),
        _ => None,
    });
    assert_eq!(read, ListQuery::default());
}

#[test]
fn one_sorted_list_answers_every_search_and_filter_in_its_order() {
    let versions = sample();
    let list = SortedList::new(&versions, SortKey::Name, SortDirection::Ascending);
    assert_eq!(list.len(), 5);
    let ids = |search: &str, status: StatusFilter| -> Vec<&str> {
        list.matching(search, status)
            .into_iter()
            .map(|position| list.id(position).unwrap())
            .collect()
    };
    assert_eq!(ids("", StatusFilter::All), ["b", "c", "e", "d", "a"]);
    assert_eq!(ids("  WELCOME ", StatusFilter::All), ["d", "a"]);
    assert_eq!(ids("welcome", StatusFilter::Live), ["a"]);
    assert_eq!(ids("", StatusFilter::Finishing), ["b"]);
    assert_eq!(ids("", StatusFilter::Finished), ["b", "c"]);
    assert_eq!(
        ids("nothing like it", StatusFilter::All),
        Vec::<&str>::new()
    );
    assert_eq!(list.id(99), None);
}
