// Helpers several knowledge test files share: the bundled data directory, its text rules and its actor index,
// each loaded once per test binary.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "knowledge/actors.h"
#include "text/text.h"

namespace dyad::test {

inline const std::string kData = DYAD_TEST_DIR "/../data";

inline const TextRules& rules() {
  static std::shared_ptr<const TextRules> r = [] {
    auto loaded = TextRules::load(kData);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return *r;
}

inline const ActorIndex& index() {
  static std::shared_ptr<const ActorIndex> ix = [] {
    auto loaded = ActorIndex::load(kData, {}, false, rules());
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return *ix;
}

}  // namespace dyad::test
