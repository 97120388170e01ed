// Reading stories and expectations back out of the store: the timeline that
// `dyad story` prints (Markdown, or one self-contained HTML page) and the
// expectation states that `dyad query --links` lists.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/store.h"

namespace dyad {

/// Where an expected event stands, as of the latest article in the store.
struct Expectation {
  StoredEvent event;
  std::string status;             // "confirmed", "contradicted", "pending" or "unconfirmed"
  std::vector<StoredLink> links;  // the reports that bear on it
};

/// Every stored expected event with its status; `story` != 0 keeps that story's.
/// An expectation with no link is pending until its window (story/dedup.h)
/// ends before the latest publication date stored, then unconfirmed.
Result<std::vector<Expectation>> expectations(Store& store, int64_t story = 0);

/// A story as a dated timeline: articles, events by date with mode and
/// mention counts and their evidence sentences, expectations with their
/// outcomes, quotes.
Status write_story_markdown(Store& store, int64_t story, std::ostream& out);
Status write_story_html(Store& store, const std::vector<int64_t>& stories, std::ostream& out);

/// The expectations with their status and, side by side, the sentence that
/// announced each and the sentence that reported the outcome.
Status write_links(Store& store, std::ostream& out);

}  // namespace dyad
