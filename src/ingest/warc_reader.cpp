// WARC and WARC.gz: one article per HTML response (or resource) record.
//
// Design: a byte source hides whether the stream is plain or gzip; gzip is
// inflated with zlib as a stream, member after member (WARC.gz files gzip
// each record separately), so memory stays at one record. Records are read
// as version line, headers, Content-Length block, CRLFCRLF. Only `response`
// records whose HTTP payload is HTML (and `resource` records typed HTML) are
// opened: HTTP status line and headers, chunked transfer-encoding,
// gzip/deflate content-encoding, charset from Content-Type, then the same
// main-text extraction as pages. A damaged gzip member costs only the record
// it held: the error names the record, its byte offset and the member's
// compressed byte offset, and reading goes on at the next gzip member. A
// truncated last member, damage with no member after it, and a block cut
// short by the end of the input end the file with an Error naming the record
// number and byte offset (articles from earlier records were already
// delivered). A bad version line or Content-Length costs only its record: the
// reader resynchronises at the next line starting "WARC/1.", and a block whose
// length runs into the next record is cut where that record starts, also when
// the block ends inside that record's version line (a length 5-10 bytes too long);
// a block over the record limit is passed over in slices, each looked at for a
// record starting inside it, so a length far past the file costs only its
// record. A Content-Length is digits only ("-7" is bad, not 2^64 - 7).
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;

namespace {

constexpr uint64_t kMaxRecordBytes = 256ULL << 20U;

// Plain or gzip (multi-member) bytes from an istream.
//
// A damaged gzip member (data that does not inflate, a bad check value, or a member cut short with more members
// after it) costs only that member: reading goes on at the next gzip member header ("\x1f\x8b\x08" with no
// reserved flag bits) after the damaged member's first byte, looked for in the member's compressed bytes (kept while
// under kMaxMemberBytes) and then in the input after them. The source then reports the end of its data and says
// what was damaged (damage()) until resume(): the reader above skips the record the member held. With no later
// member, the damage is an error() that ends the file, as a truncated last member is.
class Source {
 public:
  struct Damage {
    uint64_t member_offset = 0;  // compressed byte offset where the damaged member starts
    uint64_t data_offset = 0;    // decompressed offset of its first byte
    uint64_t next_member = 0;    // compressed byte offset where reading goes on
    std::string reason;
    // The next member starts inside the bytes inflated as this one's: this member was cut short (a broken
    // concatenation), and the reason is what inflating the next member's bytes as its data gave.
    bool truncated = false;
  };

  explicit Source(std::istream& in) : in_(in) {
    in_buf_.resize(kInputBytes);
    fill_input();
    gzip_ =
        avail_ >= 2 && static_cast<unsigned char>(in_buf_[0]) == 0x1f && static_cast<unsigned char>(in_buf_[1]) == 0x8b;
    if (gzip_) {
      if (inflateInit2(&z_, 15 + 32) != Z_OK) error_ = "cannot start zlib";
      z_ready_ = error_.empty();
    }
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  ~Source() {
    if (z_ready_) inflateEnd(&z_);
  }

  /// Up to n bytes; 0 at the end, on error (see error()) or after damage until resume() (see damage()).
  size_t read(char* out, size_t n) {
    if (!error_.empty() || damage_) return 0;
    if (!gzip_) {
      if (in_pos_ == avail_ && !fill_input()) return 0;
      size_t k = std::min(n, avail_ - in_pos_);
      std::copy_n(in_buf_.data() + in_pos_, k, out);
      in_pos_ += k;
      compressed_ += k;
      return k;
    }
    size_t produced = 0;
    while (produced < n) {
      if (in_pos_ == avail_ && !fill_input()) {
        if (member_open_) skip_member("gzip data truncated (stream ends inside a gzip member)");
        break;
      }
      if (!member_open_) {
        member_open_ = true;
        member_offset_ = compressed_;
        member_data_offset_ = data_total_ + produced;
        member_bytes_.clear();
        member_kept_ = true;
      }
      z_.next_in = reinterpret_cast<Bytef*>(in_buf_.data() + in_pos_);
      z_.avail_in = static_cast<uInt>(avail_ - in_pos_);
      z_.next_out = reinterpret_cast<Bytef*>(out + produced);
      z_.avail_out = static_cast<uInt>(n - produced);
      int rc = inflate(&z_, Z_NO_FLUSH);
      size_t used = (avail_ - in_pos_) - z_.avail_in;
      keep_member_bytes(std::string_view(in_buf_.data() + in_pos_, used));
      in_pos_ += used;
      compressed_ += used;
      produced = n - z_.avail_out;
      if (rc == Z_STREAM_END) {
        member_open_ = false;
        inflateReset(&z_);
        continue;
      }
      if (rc == Z_BUF_ERROR && used == 0 && z_.avail_out > 0) continue;  // needs more input
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        skip_member(std::string("gzip data corrupt (") + (z_.msg != nullptr ? z_.msg : zError(rc)) + ")");
        break;
      }
    }
    data_total_ += produced;
    return produced;
  }

  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] const std::optional<Damage>& damage() const { return damage_; }
  /// Reading goes on at the member after the damaged one.
  void resume() { damage_.reset(); }
  [[nodiscard]] uint64_t compressed_offset() const { return compressed_; }
  /// The decompressed offset where the member whose damage is the error() starts (UINT64_MAX if none).
  [[nodiscard]] uint64_t error_data_offset() const { return error_data_offset_; }
  [[nodiscard]] bool gzip() const { return gzip_; }

 private:
  static constexpr size_t kInputBytes = 1U << 16U;
  static constexpr size_t kMaxMemberBytes = 16U << 20U;

  bool fill_input() {
    if (in_pos_ < avail_) return true;
    in_pos_ = 0;
    avail_ = 0;
    if (!in_) return false;
    in_.read(in_buf_.data(), static_cast<std::streamsize>(in_buf_.size()));
    avail_ = static_cast<size_t>(in_.gcount());
    return avail_ > 0;
  }

  void keep_member_bytes(std::string_view used) {
    if (!member_kept_) return;
    if (member_bytes_.size() + used.size() > kMaxMemberBytes) {
      member_kept_ = false;
      std::string().swap(member_bytes_);
      return;
    }
    member_bytes_.append(used);
  }

  // The first gzip member header in `w` at or after `from`; npos when none (or only the start of one, at the end).
  static size_t find_member(std::string_view w, size_t from) {
    for (size_t at = w.find('\x1f', from); at != std::string_view::npos && at + 4 <= w.size();
         at = w.find('\x1f', at + 1)) {
      if (w[at + 1] == '\x8b' && w[at + 2] == '\x08' && (static_cast<unsigned char>(w[at + 3]) & 0xE0U) == 0) return at;
    }
    return std::string_view::npos;
  }

  // The member that started at member_offset_ is damaged: reading goes on at the next member header after its
  // first byte, or, when there is none, ends with `reason` as the error.
  void skip_member(const std::string& reason) {
    member_open_ = false;
    inflateReset(&z_);
    std::string window;
    uint64_t base = compressed_;
    size_t from = 0;
    if (member_kept_) {
      window = std::move(member_bytes_);
      base = member_offset_;
      from = 1;
    }
    member_bytes_.clear();
    window.append(in_buf_.data() + in_pos_, avail_ - in_pos_);
    in_pos_ = avail_ = 0;
    for (;;) {
      if (const size_t at = find_member(window, from); at != std::string::npos) {
        damage_ = Damage{member_offset_, member_data_offset_, base + at, reason, base + at < compressed_};
        in_buf_.assign(window.begin() + static_cast<std::ptrdiff_t>(at), window.end());
        avail_ = in_buf_.size();
        if (in_buf_.size() < kInputBytes) in_buf_.resize(kInputBytes);
        compressed_ = base + at;
        return;
      }
      // Keep the last bytes, where a header may start, and read on.
      const size_t drop = std::max(from, window.size() > 3 ? window.size() - 3 : size_t{0});
      window.erase(0, std::min(drop, window.size()));
      base += drop;
      from = 0;
      if (!in_) break;
      std::array<char, kInputBytes> more{};
      in_.read(more.data(), static_cast<std::streamsize>(more.size()));
      const auto got = static_cast<size_t>(in_.gcount());
      if (got == 0) break;
      window.append(more.data(), got);
    }
    error_ = reason;
    error_data_offset_ = member_data_offset_;
  }

  std::istream& in_;
  std::vector<char> in_buf_;
  size_t in_pos_ = 0;
  size_t avail_ = 0;
  uint64_t compressed_ = 0;
  uint64_t data_total_ = 0;  // decompressed bytes handed out
  bool gzip_ = false;
  bool z_ready_ = false;
  bool member_open_ = false;
  uint64_t member_offset_ = 0;       // compressed offset of the open member
  uint64_t member_data_offset_ = 0;  // decompressed offset of its first byte
  std::string member_bytes_;         // its compressed bytes read so far (while member_kept_)
  bool member_kept_ = true;
  std::optional<Damage> damage_;
  uint64_t error_data_offset_ = UINT64_MAX;
  z_stream z_{};
  std::string error_;
};

// Buffered reads over a Source, with the offset in the (decompressed) WARC stream.
class Reader {
 public:
  explicit Reader(Source& src) : src_(src) { buf_.resize(1U << 16U); }

  [[nodiscard]] uint64_t offset() const { return base_ + pos_; }

  int peek() {
    if (!fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }

  /// A line without "\r\n"; false at the end. Lines longer than `max` are cut.
  bool line(std::string& out, size_t max = 1U << 16U) {
    out.clear();
    bool any = false;
    while (fill()) {
      any = true;
      const char* start = buf_.data() + pos_;
      const char* end = buf_.data() + len_;
      const char* nl = std::find(start, end, '\n');
      size_t take = static_cast<size_t>(nl - start);
      if (out.size() < max) out.append(start, std::min(take, max - out.size()));
      pos_ += take;
      if (nl != end) {
        ++pos_;
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return true;
      }
    }
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return any;
  }

  /// The next n bytes (fewer at the end), left unread.
  std::string peek_n(size_t n) {
    if (fill() && len_ - pos_ >= n) return std::string(buf_.data() + pos_, n);
    std::string got;
    take(n, &got);
    unread(got);
    return got;
  }

  /// Puts `bytes` back in front of what is left to read (they were read last).
  void unread(std::string_view bytes) {
    const uint64_t at = offset() - bytes.size();
    std::string joined(bytes);
    joined.append(buf_.data() + pos_, len_ - pos_);
    buf_.assign(joined.begin(), joined.end());
    pos_ = 0;
    len_ = buf_.size();
    base_ = at;
    if (buf_.size() < (1U << 16U)) buf_.resize(1U << 16U);
  }

  /// Drops what is buffered (after damage in the source: the rest of the damaged member's data).
  void discard() {
    base_ += len_;
    pos_ = 0;
    len_ = 0;
  }

  /// Appends up to n bytes to `out` (or drops them when out is null); returns how many.
  uint64_t take(uint64_t n, std::string* out) {
    uint64_t got = 0;
    while (got < n && fill()) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(n - got, len_ - pos_));
      if (out != nullptr) out->append(buf_.data() + pos_, k);
      pos_ += k;
      got += k;
    }
    return got;
  }

 private:
  bool fill() {
    if (pos_ < len_) return true;
    base_ += len_;
    pos_ = 0;
    len_ = src_.read(buf_.data(), buf_.size());
    return len_ > 0;
  }

  Source& src_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
  uint64_t base_ = 0;
};

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;  // lower-case name, trimmed value
  [[nodiscard]] std::string get(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (k == name) return v;
    return {};
  }
  void add(std::string_view line) {
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;
    fields.emplace_back(ascii_lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
};

bool is_html_type(std::string_view content_type) {
  std::string t = ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
  return t == "text/html" || t == "application/xhtml+xml";
}

// Decodes HTTP chunked transfer-encoding. nullopt when a chunk size line is garbage.
std::optional<std::string> dechunk(std::string_view s) {
  std::string out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    if (nl == std::string_view::npos) break;
    std::string_view size_line = trim(s.substr(0, nl));
    size_line = size_line.substr(0, size_line.find(';'));
    if (size_line.empty() || size_line.size() > 15 || !std::all_of(size_line.begin(), size_line.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) != 0;
        }))
      return std::nullopt;
    uint64_t size = std::stoull(std::string(size_line), nullptr, 16);
    s.remove_prefix(nl + 1);
    if (size == 0) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(size, s.size()));
    out.append(s.substr(0, k));
    s.remove_prefix(k);
    if (s.starts_with("\r\n")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\n")) {
      s.remove_prefix(1);
    }
  }
  return out;
}

// Inflates a gzip / zlib (or, with raw=true, bare deflate) body; nullopt on damage.
std::optional<std::string> inflate_body(std::string_view in, int window_bits) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  std::array<char, 1U << 15U> buf{};
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf.data());
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf.data(), buf.size() - z.avail_out);
    if (out.size() > kMaxRecordBytes) rc = Z_DATA_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;  // body ended without a trailer: keep what we have
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

std::string host_of(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  url = url.substr(0, url.find(':'));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return std::string(url);
}

struct RecordContext {
  std::string_view name;
  uint64_t number = 0;
  uint64_t offset = 0;
  [[nodiscard]] std::string where() const {
    return "record " + std::to_string(number) + " at byte offset " + std::to_string(offset) + ": ";
  }
};

void process_record(const RecordContext& rc, const Headers& warc, std::string_view block, const IngestOptions& options,
                    const ArticleSink& on_article, const ErrorSink& on_error) {
  std::string type = ascii_lower(warc.get("warc-type"));
  std::string http_type;
  std::string payload_storage;
  std::string_view payload;
  int status = 0;
  if (type == "resource") {
    http_type = warc.get("content-type");
    if (!is_html_type(http_type)) return;
    payload = block;
  } else {
    // HTTP response: status line, headers, body.
    size_t head_end = block.find("\r\n\r\n");
    size_t body_at = head_end == std::string_view::npos ? std::string_view::npos : head_end + 4;
    if (head_end == std::string_view::npos) {
      head_end = block.find("\n\n");
      body_at = head_end == std::string_view::npos ? std::string_view::npos : head_end + 2;
    }
    if (!block.starts_with("HTTP/") || body_at == std::string_view::npos) {
      report(on_error, rc.name, 0, rc.where() + "response record without a readable HTTP header; skipped");
      return;
    }
    std::string_view head = block.substr(0, head_end);
    Headers http;
    size_t nl = head.find('\n');
    std::string_view status_line = trim(head.substr(0, nl));
    size_t sp = status_line.find(' ');
    if (sp != std::string_view::npos) status = std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
    while (nl != std::string_view::npos) {
      size_t next = head.find('\n', nl + 1);
      http.add(trim(head.substr(nl + 1, next == std::string_view::npos ? std::string_view::npos : next - nl - 1)));
      nl = next;
    }
    http_type = http.get("content-type");
    if (status < 200 || status >= 300 || !is_html_type(http_type)) return;  // not an article page
    payload = block.substr(body_at);
    if (ascii_lower(http.get("transfer-encoding")).find("chunked") != std::string::npos) {
      auto plain = dechunk(payload);
      if (!plain) {
        report(on_error, rc.name, 0, rc.where() + "bad chunked transfer-encoding; skipped");
        return;
      }
      payload_storage = std::move(*plain);
      payload = payload_storage;
    }
    std::string encoding = ascii_lower(http.get("content-encoding"));
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
      auto plain = inflate_body(payload, 15 + 32);
      if (!plain && encoding == "deflate") plain = inflate_body(payload, -15);
      if (!plain) {
        report(on_error, rc.name, 0, rc.where() + "cannot decode " + encoding + " content-encoding; skipped");
        return;
      }
      payload_storage = std::move(*plain);
      payload = payload_storage;
    }
  }

  if (payload.size() > options.max_markup_bytes) {
    report(on_error, rc.name, 0,
           rc.where() + "HTML payload of " + std::to_string(payload.size()) + " bytes is over the limit of " +
               std::to_string(options.max_markup_bytes) + " bytes; skipped without parsing");
    return;
  }
  std::string warning;
  std::string html = html_to_utf8(payload, charset_param(http_type), warning);
  if (!warning.empty()) report(on_error, rc.name, 0, rc.where() + warning, true);
  HtmlAnalysis page = analyze_html(html);
  Article a = html_article(page, rc.name, on_error);

  std::string record_id = warc.get("warc-record-id");
  if (record_id.size() >= 2 && record_id.front() == '<' && record_id.back() == '>')
    record_id = record_id.substr(1, record_id.size() - 2);
  std::string target = warc.get("warc-target-uri");
  if (target.size() >= 2 && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
  std::string warc_date = warc.get("warc-date");

  a.id = !record_id.empty() ? record_id
         : !target.empty()  ? target
                            : stem_of(rc.name) + ":record" + std::to_string(rc.number);
  if (!target.empty()) a.url = target;
  if (a.source.empty()) a.source = host_of(a.url);
  a.origin = std::string(rc.name);

  nlohmann::json meta = nlohmann::json::object();
  if (!target.empty()) meta["target_uri"] = target;
  if (!warc_date.empty()) meta["crawl_date"] = warc_date;
  if (status != 0) meta["http_status"] = status;
  if (!page.extract.url.empty() && page.extract.url != target) meta["canonical_url"] = page.extract.url;
  meta["warc_record"] = rc.number;
  if (!a.published.known() && !warc_date.empty()) {
    if (auto d = parse_date(warc_date)) {
      a.published = *d;
      a.published_origin = DateOrigin::input;
      meta["published_from"] = "crawl_date";
    } else {
      report(on_error, rc.name, 0, rc.where() + "unparseable WARC-Date '" + warc_date + "'", true);
    }
  }
  a.metadata = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (a.text.empty()) {
    report(on_error, rc.name, 0, rc.where() + "HTML page with no main text; skipped");
    return;
  }
  deliver(std::move(a), rc.name, 0, options, on_article, on_error);
}

}  // namespace

void read_warc(std::string_view name, std::istream& in, const IngestOptions& options, const ArticleSink& on_article,
               const ErrorSink& on_error) {
  Source src(in);
  Reader reader(src);
  const uint64_t cap = std::min<uint64_t>(options.max_file_bytes, kMaxRecordBytes);
  RecordContext rc{name, 0, 0};
  std::string line;
  std::string block;
  auto fail = [&](const std::string& what) {
    std::string msg = rc.where() + what;
    if (src.gzip()) msg += " (compressed byte offset " + std::to_string(src.compressed_offset()) + ")";
    report(on_error, name, 0, msg + "; the rest of the file skipped");
  };
  // Resynchronising: after damage, the next line starting "WARC/1." is taken as the next
  // record's version line, so one bad record costs only itself.
  std::optional<std::pair<std::string, uint64_t>> pending;  // a version line found ahead, and its offset
  // A damaged gzip member (see Source) costs the record it held: reported alone (what the record's parse saw
  // before, a header or a Content-Length, was read from the damaged bytes and says nothing of its own), then
  // reading goes on at the next member. False when nothing is damaged.
  auto recover = [&]() -> bool {
    const auto& d = src.damage();
    if (!d) return false;
    const std::string member = "gzip member at compressed byte offset " + std::to_string(d->member_offset);
    report(on_error, name, 0,
           rc.where() +
               (d->truncated ? member + " is truncated: the next gzip member starts inside its data (" + d->reason + ")"
                             : member + " is damaged: " + d->reason) +
               "; record skipped, reading on at the next gzip member (compressed byte offset " +
               std::to_string(d->next_member) + ")");
    src.resume();
    reader.discard();
    pending.reset();
    return true;
  };
  auto resync = [&](const std::string& what) -> bool {
    for (;;) {
      const uint64_t at = reader.offset();
      if (!reader.line(line)) {
        if (recover()) return true;
        break;
      }
      if (line.starts_with("WARC/1.")) {
        report(on_error, name, 0,
               rc.where() + what + "; record skipped, reading on at the next record (byte offset " +
                   std::to_string(at) + ")");
        pending.emplace(line, at);
        return true;
      }
    }
    fail(what + (src.error().empty() ? "; no later record found" : " (then " + src.error() + ")"));
    return false;
  };
  // A block whose Content-Length ran past its record (into the next one, or to the end of
  // the input): when a version line starts inside it, the block ends there and the rest is read again.
  auto cut_at_next_record = [&](std::string& b) -> bool {
    const size_t at = b.find("\nWARC/1.");
    if (at == std::string::npos) return false;
    reader.unread(std::string_view(b).substr(at + 1));
    b.resize(at + 1);
    return true;
  };
  // The same when the version line starts in the block's last bytes and goes on past them (a Content-Length a
  // few bytes too long: "...\r\n\r\nWA" read as the block, "RC/1.0" after it).
  auto cut_across_end = [&](std::string& b, std::string_view ahead) -> bool {
    constexpr std::string_view kMark = "\nWARC/1.";
    const size_t tail = std::min(b.size(), kMark.size() - 1);
    const std::string joined = b.substr(b.size() - tail) + std::string(ahead);
    const size_t at = joined.find(kMark);
    if (at == std::string::npos || at + 1 >= tail) return false;  // no version line, or one wholly after the block
    const size_t cut = b.size() - tail + at + 1;
    reader.unread(std::string_view(b).substr(cut));
    b.resize(cut);
    return true;
  };
  for (;;) {
    if (pending) {
      line = std::move(pending->first);
      rc.offset = pending->second;
      pending.reset();
    } else {
      // Blank lines between records are tolerated.
      while (reader.peek() == '\r' || reader.peek() == '\n') reader.take(1, nullptr);
      rc.offset = reader.offset();
      if (!reader.line(line)) {
        if (!src.damage()) break;
        ++rc.number;
        recover();
        continue;
      }
    }
    ++rc.number;
    if (!line.starts_with("WARC/")) {
      if (recover()) continue;
      if (rc.number == 1 && line.empty() && src.error().empty()) break;
      if (!src.error().empty()) {
        fail(src.error());
        return;
      }
      if (!resync("expected a 'WARC/1.x' version line")) return;
      continue;
    }
    Headers h;
    bool ended = false;
    for (uint64_t at = reader.offset(); reader.line(line); at = reader.offset()) {
      if (line.empty()) {
        ended = true;
        break;
      }
      if (line.starts_with("WARC/1.")) {  // a new record before this one's header ended
        pending.emplace(line, at);
        break;
      }
      h.add(line);
    }
    if (pending) {
      report(on_error, name, 0, rc.where() + "record header not ended by a blank line; record skipped");
      continue;
    }
    if (!ended) {
      if (recover()) continue;
      fail(src.error().empty() ? "record header truncated" : src.error());
      return;
    }
    std::string len_text = h.get("content-length");
    // Digits only: strtoull would read "-7" as 2^64 - 7 (and skip leading space); a number past 2^64 is bad too.
    char* end = nullptr;
    errno = 0;
    const bool digits = !len_text.empty() && std::isdigit(static_cast<unsigned char>(len_text[0])) != 0;
    uint64_t length = digits ? std::strtoull(len_text.c_str(), &end, 10) : 0;
    if (!digits || end == nullptr || *end != '\0' || errno == ERANGE) {
      if (!resync("missing or bad Content-Length '" + len_text.substr(0, 40) + "'")) return;
      continue;
    }
    std::string type = ascii_lower(h.get("warc-type"));
    bool wanted = type == "response" || type == "resource";
    if (wanted && length > cap) {
      report(on_error, name, 0,
             rc.where() + "record block of " + std::to_string(length) + " bytes is over the limit of " +
                 std::to_string(cap) + " bytes; skipped");
      wanted = false;
    }
    block.clear();
    // The block is kept (up to the limit) even when not wanted, to recover from a wrong Content-Length.
    const bool keep = length <= cap;
    uint64_t got = 0;
    if (keep) {
      got = reader.take(length, &block);
    } else {
      // Over the limit the block is passed over in slices, each looked at for a record starting inside it: a
      // length far past the record (or the file) costs only its record, as a kept block's does.
      constexpr std::string_view kMark = "\nWARC/1.";
      std::string slice;
      std::string carry;  // the last bytes of the slice before, where a mark may start
      bool ran_into_next = false;
      while (got < length) {
        slice.clear();
        const uint64_t k = reader.take(std::min<uint64_t>(length - got, 1U << 20U), &slice);
        if (k == 0) break;
        got += k;
        const std::string joined = carry + slice;
        if (const size_t at = joined.find(kMark); at != std::string::npos) {
          reader.unread(std::string_view(joined).substr(at + 1));
          ran_into_next = true;
          break;
        }
        carry = joined.substr(joined.size() - std::min(joined.size(), kMark.size() - 1));
      }
      if (ran_into_next) {
        report(on_error, name, 0,
               rc.where() + "Content-Length " + std::to_string(length) +
                   " is wrong: the block runs into the next record; record skipped, reading on at the next record "
                   "(byte offset " +
                   std::to_string(reader.offset()) + ")");
        continue;
      }
    }
    const uint64_t block_end = reader.offset();
    const bool short_block = got < length;
    // After the block come line ends, then the next record or the end; anything else means the length was wrong.
    std::string_view after;
    std::string ahead;
    if (!short_block) {
      ahead = reader.peek_n(16);
      after = ahead;
      while (!after.empty() && (after.front() == '\r' || after.front() == '\n')) after.remove_prefix(1);
    }
    // Damage in the source: a member that began before the block's end (a bad check value is found only after the
    // member's data, when the bytes after the block are looked at) held (part of) this record, which is
    // skipped; damage in a later member leaves this record whole, and costs the next one.
    if (const auto& d = src.damage(); d && d->data_offset < block_end) {
      recover();
      continue;
    }
    if (src.error_data_offset() < block_end) {  // the same in the last member: nothing to read on at
      fail(src.error());
      return;
    }
    const bool misframed =
        !short_block && !after.empty() && !src.damage() && !std::string_view("WARC/").starts_with(after.substr(0, 5));
    if (short_block || misframed) {
      if (recover()) continue;
      if (!src.error().empty()) {
        fail(src.error());
        return;
      }
      const std::string said = "Content-Length " + std::to_string(length) + " is wrong: ";
      if (keep && (cut_at_next_record(block) || (misframed && cut_across_end(block, ahead)))) {
        report(on_error, name, 0,
               rc.where() + said + "the block runs into the next record; read up to it (" +
                   std::to_string(block.size()) + " bytes, the next record at byte offset " +
                   std::to_string(reader.offset()) + ")",
               true);
      } else if (short_block) {
        fail("record truncated: block of " + std::to_string(length) + " bytes ends after " + std::to_string(got));
        return;
      } else {
        if (!resync(said + "the block is not followed by the end of the record")) return;
        continue;
      }
    }
    if (wanted) process_record(rc, h, block, options, on_article, on_error);
  }
  if (!src.error().empty()) {
    ++rc.number;
    rc.offset = reader.offset();
    fail(src.error());
    return;
  }
  if (rc.number == 0) report(on_error, name, 0, "empty file; skipped");
}

}  // namespace dyad
