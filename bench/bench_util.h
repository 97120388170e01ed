// What several micro-benchmarks share: the knowledge of data/, loaded once per
// benchmark process (an inline function's static is one object in every file).
#pragma once
#include "pipeline/pipeline.h"

namespace dyad::bench {

/// The default knowledge; empty (no coder) when data/ does not load.
inline const Knowledge& knowledge() {
  static const Knowledge k = [] {
    KnowledgeOptions o;
    o.data_dir = DYAD_DATA_DIR;
    auto r = Knowledge::load(o);
    return r.ok() ? std::move(r.value()) : Knowledge{};
  }();
  return k;
}

}  // namespace dyad::bench
