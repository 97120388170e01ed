// Paths -> readers: files, directories (walked in sorted order) and stdin.
//
// Design: each input is opened as a stream over its file descriptor, read only
// after poll() says there is something, in slices of 100 ms, so that a stop
// request (SIGINT/SIGTERM) ends a read waiting on a pipe, FIFO or endless device
// within a fraction of a second (a regular file then delivers no more articles,
// a re-run reads it again; from a pipe, whatever whole JSONL lines or WARC records
// were already read are handed on first, as nothing can read them again); its first 64 KiB are read for
// format detection and then replayed in front of the rest of the stream, so
// JSONL and WARC stay streaming (stdin included) while text, HTML and feeds
// are read whole under the max_file_bytes guard (a text file stops at
// max_article_bytes, an HTML page at max_markup_bytes: skipped unparsed). Directories are walked
// depth-first with entries sorted by name (hidden entries and symlinked
// directories skipped), so runs are reproducible. Inside a directory only
// files that can hold articles are read (see is_input_name); a file named
// on the command line is always read.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;
namespace fs = std::filesystem;

namespace {

constexpr size_t kHeadBytes = 64U << 10U;

// Reads a file descriptor, waiting with poll() in short slices so that a stop
// request ends a read that is blocked on a pipe, FIFO or terminal. At a stop it
// reports end of input and sets `stopped`.
class FdBuf : public std::streambuf {
 public:
  FdBuf(int fd, const std::atomic<bool>* stop) : fd_(fd), stop_(stop) {}
  [[nodiscard]] bool stopped() const { return stopped_; }
  [[nodiscard]] bool failed() const { return failed_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    for (;;) {
      if (stop_requested()) return traits_type::eof();
      pollfd p{fd_, POLLIN, 0};
      int ready = ::poll(&p, 1, kPollMillis);
      if (ready == 0 || (ready < 0 && errno == EINTR)) continue;
      ssize_t n = ::read(fd_, buf_.data(), buf_.size());
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n < 0) failed_ = true;
      if (n <= 0) return traits_type::eof();
      setg(buf_.data(), buf_.data(), buf_.data() + n);
      return traits_type::to_int_type(*gptr());
    }
  }

 private:
  static constexpr int kPollMillis = 100;
  bool stop_requested() {
    if (stop_ != nullptr && stop_->load()) stopped_ = true;
    return stopped_;
  }
  int fd_;
  const std::atomic<bool>* stop_;
  bool stopped_ = false;
  bool failed_ = false;
  std::array<char, 1U << 16U> buf_{};
};

// Serves `head` first, then whatever is left in `rest`.
class PrefixBuf : public std::streambuf {
 public:
  PrefixBuf(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::streamsize n = rest_->sgetn(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    if (n <= 0) return traits_type::eof();
    setg(buf_.data(), buf_.data(), buf_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::streambuf* rest_;
  std::array<char, 1U << 16U> buf_{};
};

// An open file descriptor, closed when it goes out of scope (also when a callback throws).
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Thrown from the article sink to end the reading of a file after a stop request.
struct StopReading {};

bool regular_file(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

class Ingester {
 public:
  Ingester(const IngestOptions& options, const ArticleSink& on_article, const ErrorSink& on_error)
      : options_(options), outer_error_(on_error) {
    // Once a stop is requested, what the readers say about input cut short is not reported.
    on_error_ = [this](const Error& e) {
      if (!stopping() && outer_error_) outer_error_(e);
    };
    // After a stop, a regular file delivers nothing more (a re-run reads it again); a pipe, FIFO or terminal
    // hands on what was already read from it (whole lines of JSONL, whole WARC records), which no re-run can read.
    sink_ = [this, &on_article](Article&& a) {
      if (stopping() && rereadable_) throw StopReading{};
      ++count_;
      if (on_article) on_article(std::move(a));
    };
  }

  [[nodiscard]] uint64_t count() const { return count_; }

  [[nodiscard]] bool stopping() const { return options_.stop != nullptr && options_.stop->load(); }

  void path(const std::string& p) {
    if (stopping()) return;
    try {
      read_path(p);
    } catch (const StopReading&) {
    }
  }

 private:
  void read_path(const std::string& p) {
    if (p == "-") {
      rereadable_ = regular_file(STDIN_FILENO);
      FdBuf fd(STDIN_FILENO, options_.stop);
      std::istream in(&fd);
      stream("stdin", in, fd);
      return;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      report(on_error_, p, 0, "no such file or directory");
      return;
    }
    if (fs::is_directory(st)) {
      directory(fs::path(p));
    } else {
      file(fs::path(p));
    }
  }

  void directory(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      report(on_error_, dir.string(), 0, "cannot read directory: " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        report(on_error_, dir.string(), 0, "cannot read directory: " + ec.message());
        break;
      }
      if (it->path().filename().string().starts_with(".")) continue;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
      return a.path().filename().string() < b.path().filename().string();
    });
    for (const fs::directory_entry& e : entries) {
      if (stopping()) return;
      std::error_code ec2;
      if (e.is_directory(ec2)) {
        if (!e.is_symlink(ec2)) directory(e.path());
      } else if (e.is_regular_file(ec2) && is_input_name(e.path().filename().string())) {
        file(e.path());
      }
    }
  }

  void file(const fs::path& p) {
    // Non-blocking, so that opening a FIFO no writer has opened yet does not wait
    // unstoppably; FdBuf polls before each read, which waits for the writer.
    const FileDescriptor fd(
        ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));  // NOLINT(cppcoreguidelines-pro-type-vararg)
    if (fd.get() < 0) {
      report(on_error_, p.string(), 0, std::string("cannot open: ") + std::strerror(errno));
      return;
    }
    struct stat st {};
    const bool regular = ::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode);
    const uint64_t size = regular ? static_cast<uint64_t>(st.st_size) : 0;
    rereadable_ = regular;
    FdBuf buf(fd.get(), options_.stop);
    std::istream in(&buf);
    stream(p.string(), in, buf, size);
  }

  // `size`: the file's size when known (a regular file), else 0.
  void stream(const std::string& name, std::istream& in, const FdBuf& source, uint64_t size = 0) {
    std::string head(kHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    // A stop while the head was read: a regular file is left for a re-run; what a pipe gave is read on (the
    // streaming readers hand on its whole lines or records, the whole-file formats end below, cut short).
    if (source.stopped() && rereadable_) return;
    if (source.failed()) {
      report(on_error_, name, 0, std::string("read error: ") + std::strerror(errno));
      return;
    }
    InputFormat format = options_.format != InputFormat::automatic ? options_.format : detect_format(head, name);
    std::string whole;
    const bool head_binary = looks_binary(head);
    PrefixBuf buf(std::move(head), in.rdbuf());
    std::istream s(&buf);
    switch (format) {
      case InputFormat::jsonl:
        read_jsonl(name, s, options_, sink_, on_error_);
        return;
      case InputFormat::warc:
        read_warc(name, s, options_, sink_, on_error_);
        return;
      default:
        break;
    }
    // Whole-file formats: read the rest under the size guard. A text file is one
    // article: a head that looks binary (a run of NULs, say) is skipped unread, and
    // reading stops once the file is over max_article_bytes.
    const bool text = format != InputFormat::html && format != InputFormat::feed && format != InputFormat::json;
    if (text && head_binary) {
      report(on_error_, name, 0, "binary file (NUL or control bytes), not text; skipped");
      return;
    }
    std::array<char, 1U << 16U> chunk{};
    while (s.read(chunk.data(), chunk.size()) || s.gcount() > 0) {
      auto got = static_cast<size_t>(s.gcount());
      whole.append(chunk.data(), got);
      if (text && whole.size() > options_.max_article_bytes) {
        report(on_error_, name, 0,
               (size > 0 ? "article is " + std::to_string(size) + " bytes, over the limit of "
                         : std::string("article is over the limit of ")) +
                   std::to_string(options_.max_article_bytes) + " bytes; skipped (reading stopped at the limit)");
        return;
      }
      // An HTML page over the markup limit is skipped unparsed: reading stops there too.
      if (format == InputFormat::html && whole.size() > options_.max_markup_bytes) {
        report(on_error_, name, 0,
               (size > 0 ? "HTML page is " + std::to_string(size) + " bytes, over the limit of "
                         : std::string("HTML page is over the limit of ")) +
                   std::to_string(options_.max_markup_bytes) +
                   " bytes; skipped without parsing (reading stopped at the limit)");
        return;
      }
      if (whole.size() > options_.max_file_bytes) {
        report(on_error_, name, 0,
               "file is over the limit of " + std::to_string(options_.max_file_bytes) + " bytes; skipped");
        return;
      }
    }
    if (source.stopped()) return;
    if (source.failed()) {
      report(on_error_, name, 0, std::string("read error: ") + std::strerror(errno) + "; skipped");
      return;
    }
    switch (format) {
      case InputFormat::html:
        read_html(name, whole, options_, sink_, on_error_);
        break;
      case InputFormat::feed:
        read_feed(name, whole, options_, sink_, on_error_);
        break;
      case InputFormat::json:
        read_json(name, whole, options_, sink_, on_error_);
        break;
      default:
        read_text(name, whole, options_, sink_, on_error_);
        break;
    }
  }

  const IngestOptions& options_;
  const ErrorSink& outer_error_;
  ErrorSink on_error_;
  ArticleSink sink_;
  uint64_t count_ = 0;
  bool rereadable_ = true;  // the input being read is a regular file (a re-run reads it again)
};

}  // namespace

bool is_input_name(std::string_view filename) {
  std::string lower(filename);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.ends_with(".warc.gz")) return true;
  size_t dot = lower.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  static constexpr std::array<std::string_view, 12> kInputExtensions = {
      ".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc"};
  std::string_view ext = std::string_view(lower).substr(dot);
  return std::find(kInputExtensions.begin(), kInputExtensions.end(), ext) != kInputExtensions.end();
}

uint64_t ingest_paths(const std::vector<std::string>& paths, const IngestOptions& options,
                      const ArticleSink& on_article, const ErrorSink& on_error) {
  Ingester ingester(options, on_article, on_error);
  for (const std::string& p : paths) ingester.path(p);
  return ingester.count();
}

}  // namespace dyad
