// The story stage: files a coded document into the store as one more report of
// what the store already knows (docs/story.md).
//
//  1. Copies: the article's MinHash is compared with the stored fingerprints
//     that share an LSH band; at kNearDuplicateResemblance or more it is a
//     copy of the earliest such article (Document::duplicate_of).
//  2. Events: each event takes the id of the stored event it reports (same
//     match key and same_event() in dedup.h), else keeps its own. Events of a
//     copy only add mentions: one that matches nothing stored is dropped.
//  3. The document is stored (Store::put).
//  4. Links: each expected event is linked to the happened or negated reports
//     of it in other articles, and each happened or negated event to the
//     expectations it answers, so the order articles arrive in does not matter.
//  5. Story: the article joins the story it shares most with (events, actor
//     pairs, named people and organisations, countries) within
//     kStoryWindowDays, or starts one.
#pragma once

#include <cstdint>

#include "core/document.h"
#include "core/error.h"
#include "store/store.h"

namespace dyad {

inline constexpr int kStoryWindowDays = 14;

struct StoryStats {
  uint32_t merged = 0;   // events that joined an already stored event
  uint32_t dropped = 0;  // events of a copy that matched nothing stored
  uint32_t links = 0;    // links made
};

/// The part of filing that needs no store, for the coding threads (the writer
/// is serial): fills the document's MinHash fingerprint (story/dedup.h).
void prepare_document(Document& doc);

/// Runs steps 1-5 inside the caller's store transaction. Fills the document's
/// fingerprint (unless prepare_document() did), duplicate_of, event ids
/// (merged), links and story. A document already stored is left alone (ok,
/// nothing filled but the fingerprint).
Result<StoryStats> file_document(Store& store, Document& doc);

}  // namespace dyad
