// Errors as values at API boundaries.
//
// A stage that can fail on bad input returns Result<T>: either a value or an
// Error that names where (file, line) and what went wrong. Exceptions stay
// inside a stage; nothing throws across a stage boundary.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace dyad {

/// Where and why something failed. `file` may be empty for in-memory input;
/// `line` is 1-based, 0 when unknown or not meaningful.
struct Error {
  std::string file;
  uint64_t line = 0;
  std::string message;
  /// A warning was reported but nothing was skipped (e.g. an unparseable date
  /// left unknown); an error means the record or file was skipped.
  bool warning = false;

  /// "file:line: message", "file: message" or "message".
  [[nodiscard]] std::string str() const {
    std::string s;
    if (!file.empty()) {
      s += file;
      if (line > 0) s += ":" + std::to_string(line);
      s += ": ";
    }
    s += message;
    return s;
  }
};

/// A value or an Error. Check ok() before value(); error() only when !ok().
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] T& value() & { return std::get<0>(v_); }
  [[nodiscard]] const T& value() const& { return std::get<0>(v_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(v_)); }
  [[nodiscard]] const Error& error() const { return std::get<1>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

/// Result of an operation with no value: ok, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  [[nodiscard]] bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  [[nodiscard]] const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace dyad
