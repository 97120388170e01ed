// Content hashes: a stable 128-bit fingerprint (XXH3) of an article, used as
// its key in the store so the same input coded twice adds nothing.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

/// 32 lower-case hex digits of XXH3-128 over `data`.
std::string content_hash(std::string_view data);

/// 64-bit XXH3 of `data`, for in-memory tables.
uint64_t hash64(std::string_view data);

}  // namespace dyad
