// The bundled knowledge (data/), loaded once per test binary and shared by its tests.
#pragma once

#include <gtest/gtest.h>

#include <utility>

#include "pipeline/pipeline.h"

namespace dyad::testing_support {

inline const Knowledge& bundled_knowledge() {
  static const Knowledge k = [] {
    KnowledgeOptions o;
    o.data_dir = DYAD_TEST_DIR "/../data";
    auto loaded = Knowledge::load(o);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().str());
    return std::move(loaded.value());
  }();
  return k;
}

}  // namespace dyad::testing_support
