// Helpers for the ingest tests: collecting sinks, temp dirs, fixture paths, gzip.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace dyad::test {

struct Collected {
  std::vector<Article> articles;
  std::vector<Error> errors;

  ArticleSink sink() {
    return [this](Article&& a) { articles.push_back(std::move(a)); };
  }
  ErrorSink errs() {
    return [this](const Error& e) { errors.push_back(e); };
  }
  [[nodiscard]] size_t count(bool warning) const {
    size_t n = 0;
    for (const Error& e : errors) n += e.warning == warning ? 1 : 0;
    return n;
  }
  [[nodiscard]] std::string all_errors() const {
    std::string s;
    for (const Error& e : errors) s += (e.warning ? "[warning] " : "[error] ") + e.str() + "\n";
    return s;
  }
};

inline std::string fixture(const std::string& name) { return std::string(DYAD_TEST_DIR) + "/fixtures/ingest/" + name; }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad_ingest_XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& rel, std::string_view content) const {
    std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

/// One gzip member holding `data`.
inline std::string gzip(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  std::array<char, 16384> buf{};
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = deflate(&z, Z_FINISH);
    out.append(buf.data(), buf.size() - z.avail_out);
  }
  deflateEnd(&z);
  return out;
}

}  // namespace dyad::test
