// The test binaries' precompiled header (tests/CMakeLists.txt): GoogleTest, GoogleMock and the heaviest standard
// and third-party headers the tests include, parsed once per build instead of once per file. Test files still
// include what they use; nothing of dyad's is here, so a change to a dyad header does not rebuild it.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>
