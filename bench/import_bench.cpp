// jz_bench_import: imports N synthetic CPPC rows (default 1,000,000) and looks records up
// by id, each against a plain-SQLite anchor measured in the same run. Prints figures and
// ratios; never passes or fails on time. See bench/README.md.
//
// Each phase runs in its own forked child so that its peak RSS (ru_maxrss from wait4) is
// its own: the parent holds nothing but the command line while it forks.
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/record_id.hpp"
#include "cppc_synthetic.hpp"
#include "exchange/csv_reader.hpp"
#include "exchange/import.hpp"
#include "store/store.hpp"

#ifndef JZ_REALDATA
#define JZ_REALDATA "../shared/realdata"
#endif

namespace {

using jz::bench::Clock;
using jz::bench::describe_machine;
using jz::bench::file_size;
using jz::bench::fmt;
using jz::bench::load_average;
using jz::bench::mib;
using jz::bench::rss_now_kib;
using jz::bench::seconds_since;
namespace fs = std::filesystem;

constexpr const char* kAsOf = "2026-11-22";             // fixed, so "served" statuses do not drift
constexpr std::uint64_t kSeed = 0x6A69616E7A68656EULL;  // "jianzhen"

// ---- child processes -----------------------------------------------------------------------

// What a phase sends back to the parent: key=value lines.
using Figures = std::map<std::string, std::string>;

struct ChildResult {
  bool ok = false;
  Figures figures;
  std::string error;
  long max_rss_kib = 0;
  double cpu_seconds = 0;  // user + system
};

// Runs `phase` in a forked child; the child writes its figures (or "error=...") to a pipe.
ChildResult run_in_child(const std::function<Figures()>& phase) {
  ChildResult result;
  int fds[2];
  if (pipe(fds) != 0) {
    result.error = "pipe failed";
    return result;
  }
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    result.error = "fork failed";
    return result;
  }
  if (pid == 0) {
    close(fds[0]);
    Figures f;
    f["rss_at_start_kib"] = std::to_string(rss_now_kib());
    Figures got = phase();
    f.insert(got.begin(), got.end());
    std::string out;
    for (const auto& [k, v] : f) out += k + "=" + v + "\n";
    const char* p = out.data();
    std::size_t left = out.size();
    while (left > 0) {
      ssize_t n = write(fds[1], p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    close(fds[1]);
    _exit(f.count("error") ? 1 : 0);
  }
  close(fds[1]);
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int wstatus = 0;
  rusage ru{};
  if (wait4(pid, &wstatus, 0, &ru) < 0) {
    result.error = "wait4 failed";
    return result;
  }
  result.max_rss_kib = ru.ru_maxrss;  // KiB on Linux
  result.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                       static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto eq = line.find('=');
    if (eq != std::string::npos) result.figures[line.substr(0, eq)] = line.substr(eq + 1);
  }
  if (result.figures.count("error")) {
    result.error = result.figures["error"];
  } else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    result.error = "the child process failed (status " + std::to_string(wstatus) + ")";
  } else {
    result.ok = true;
  }
  return result;
}

double num(const Figures& f, const std::string& key) {
  auto it = f.find(key);
  return it == f.end() ? 0 : std::atof(it->second.c_str());
}

// ---- phases --------------------------------------------------------------------------------

Figures generate(const std::string& real, const std::string& csv, std::int64_t rows) {
  auto start = Clock::now();
  auto made = jz::bench::make_cppc_synthetic(real, csv, rows, kSeed);
  if (!made) return {{"error", made.status().message()}};
  return {{"seconds", std::to_string(seconds_since(start))},
          {"rows", std::to_string(made->rows)},
          {"urls", std::to_string(made->urls)},
          {"bytes", std::to_string(made->bytes)},
          {"real_rows", std::to_string(made->real_rows)}};
}

// Forwards to the real store and notes when the import's transaction body returns, which
// splits the import into "rows" and "reference check + commit" (done by the store after).
class TimedStore final : public jz::store::Store {
 public:
  TimedStore(jz::store::Store& inner, Clock::time_point t0) : inner_(inner), t0_(t0) {}
  double rows_seconds() const { return rows_seconds_; }

  jz::Result<jz::Record> get(std::string_view id) override { return inner_.get(id); }
  jz::Result<std::vector<jz::Record>> list(std::string_view kind, std::int64_t offset,
                                           std::int64_t limit) override {
    return inner_.list(kind, offset, limit);
  }
  jz::Status for_each(const std::function<jz::Status(const jz::Record&)>& fn) override {
    return inner_.for_each(fn);
  }
  jz::Result<std::map<std::string, std::int64_t>> count_by_kind() override {
    return inner_.count_by_kind();
  }
  jz::Result<std::vector<std::string>> referrers(std::string_view id) override {
    return inner_.referrers(id);
  }
  jz::Result<std::vector<jz::store::Revision>> history(std::string_view id) override {
    return inner_.history(id);
  }
  jz::Result<std::vector<std::string>> non_public_ids() override { return inner_.non_public_ids(); }
  jz::Result<jz::store::ListPage> list_public(const jz::store::ListQuery& query) override {
    return inner_.list_public(query);
  }
  jz::Result<std::vector<std::string>> list_public_ids(const jz::store::ListQuery& query) override {
    return inner_.list_public_ids(query);
  }
  jz::Result<std::vector<std::pair<std::string, std::int64_t>>> facet_counts(
      std::string_view kind, std::string_view name,
      const std::vector<jz::Facet>& filters) override {
    return inner_.facet_counts(kind, name, filters);
  }
  jz::Result<std::map<std::string, std::int64_t>> count_public_by_kind() override {
    return inner_.count_public_by_kind();
  }
  jz::Result<std::int64_t> last_change() override { return inner_.last_change(); }
  jz::Result<jz::search::SearchResult> search(const jz::search::SearchRequest& r) override {
    return inner_.search(r);
  }
  jz::Result<jz::store::PutOutcome> put(jz::Record& record,
                                        const jz::store::ChangeInfo& change) override {
    return inner_.put(record, change);
  }
  jz::Status transaction(const std::function<jz::Status()>& work) override {
    return inner_.transaction([&] {
      jz::Status s = work();
      rows_seconds_ = seconds_since(t0_);
      return s;
    });
  }
  jz::Status hold_snapshot() override { return inner_.hold_snapshot(); }
  void release_snapshot() override { inner_.release_snapshot(); }
  jz::Result<jz::store::VerifyReport> verify() override { return inner_.verify(); }
  jz::store::Accounts& accounts() override { return inner_.accounts(); }
  jz::store::Drafts& drafts() override { return inner_.drafts(); }
  jz::Result<std::vector<jz::store::Revision>> recent_revisions(std::int64_t offset,
                                                                std::int64_t limit) override {
    return inner_.recent_revisions(offset, limit);
  }

 private:
  jz::store::Store& inner_;
  Clock::time_point t0_;
  double rows_seconds_ = 0;
};

// Ours: `jianzheng import cppc` as the CLI runs it, minus the progress bar.
Figures import_ours(const std::string& db_path, const std::string& csv) {
  auto start = Clock::now();
  Figures f;
  {
    auto store = jz::store::open_sqlite(db_path, {.create = true, .bulk = true});
    if (!store) return {{"error", store.status().message()}};
    jz::exchange::ImportOptions options;
    options.as_of = kAsOf;
    auto t0 = Clock::now();
    // The progress callback (every 1,024 rows) marks when each tenth of the file is read,
    // to show whether the rate holds as the database grows.
    int tenths_done = 0;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
      const double now = seconds_since(t0);
      while (total > 0 && tenths_done < 10 &&
             done * 10 >= static_cast<std::uint64_t>(tenths_done + 1) * total) {
        ++tenths_done;
        f["tenth_" + std::to_string(tenths_done)] = std::to_string(now);
      }
    };
    TimedStore timed(**store, t0);
    auto report = jz::exchange::import_cppc(timed, csv, options);
    if (!report) return {{"error", report.status().message()}};
    f["import_seconds"] = std::to_string(seconds_since(t0));
    f["rows_seconds"] = std::to_string(timed.rows_seconds());
    if (tenths_done < 10) f["tenth_10"] = std::to_string(timed.rows_seconds());
    f["rows"] = std::to_string(report->rows);
    f["created"] = std::to_string(report->created);
    f["updated"] = std::to_string(report->updated);
    f["unchanged"] = std::to_string(report->unchanged);
    f["warnings"] = std::to_string(report->warnings.size());
    auto counts = (*store)->count_by_kind();
    if (!counts) return {{"error", counts.status().message()}};
    for (const auto& [kind, n] : *counts) f["kind_" + kind] = std::to_string(n);
    f["rss_before_close_kib"] = std::to_string(rss_now_kib());
  }  // closing the store checkpoints the WAL into the database file
  f["seconds"] = std::to_string(seconds_since(start));
  return f;
}

void split_urls(const std::string& field, std::vector<std::string>& out) {
  out.clear();
  std::istringstream in(field);
  std::string url;
  while (in >> url) out.push_back(url);
}

// The anchor: the same CSV through the same CsvReader, one JSON text per row into a bare
// table, one transaction, one prepared statement.
Figures import_anchor(const std::string& db_path, const std::string& csv) {
  auto start = Clock::now();
  sqlite3* db = nullptr;
  auto fail = [&](const std::string& what) -> Figures {
    std::string msg = what + ": " + (db ? sqlite3_errmsg(db) : "no database");
    sqlite3_close(db);
    return {{"error", msg}};
  };
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    return fail("open");
  // Same journal, sync and cache settings as the store uses.
  if (sqlite3_exec(db,
                   "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                   "PRAGMA cache_size = -32000; "
                   "CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT) STRICT; BEGIN IMMEDIATE",
                   nullptr, nullptr, nullptr) != SQLITE_OK)
    return fail("setup");
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO t (id, body) VALUES (?1, ?2)", -1, &insert, nullptr) !=
      SQLITE_OK)
    return fail("prepare");
  std::ifstream in(csv, std::ios::binary);
  jz::exchange::CsvReader reader(in, csv);
  std::vector<jz::exchange::CsvField> f;
  std::vector<std::string> urls;
  std::int64_t rows = 0;
  bool header = true;
  while (true) {
    auto more = reader.next(f);
    if (!more) {
      sqlite3_finalize(insert);
      return fail(more.status().message());
    }
    if (!*more) break;
    if (header) {
      header = false;
      continue;
    }
    if (f.size() != 7) {
      sqlite3_finalize(insert);
      return fail(reader.where(f[0].line, 1) + "expected 7 columns");
    }
    split_urls(f[6].value, urls);
    // The same id the importer gives the person, so the keys arrive in the same order.
    std::string id = jz::derived_id(
        "person", "cppc\n" + f[0].value + "\n" + (urls.empty() ? std::string() : urls[0]));
    nlohmann::json body = {{"name", f[0].value}, {"gender", f[1].value}, {"born", f[2].value},
                           {"died", f[3].value}, {"place", f[4].value},  {"sentence", f[5].value},
                           {"sources", urls}};
    std::string text = body.dump();
    sqlite3_bind_text(insert, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    int rc = sqlite3_step(insert);
    sqlite3_reset(insert);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(insert);
      return fail("insert");
    }
    ++rows;
  }
  sqlite3_finalize(insert);
  if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("commit");
  Figures out;
  out["import_seconds"] = std::to_string(seconds_since(start));
  out["rows"] = std::to_string(rows);
  out["rss_before_close_kib"] = std::to_string(rss_now_kib());
  sqlite3_close(db);
  out["seconds"] = std::to_string(seconds_since(start));
  return out;
}

struct Latencies {
  double p50 = 0, p99 = 0, mean = 0, max = 0;
};

Latencies summarize(std::vector<double>& us) {
  Latencies l;
  if (us.empty()) return l;
  std::sort(us.begin(), us.end());
  auto at = [&](double q) {
    return us[std::min(us.size() - 1,
                       static_cast<std::size_t>(q * static_cast<double>(us.size())))];
  };
  l.p50 = at(0.50);
  l.p99 = at(0.99);
  l.max = us.back();
  double sum = 0;
  for (double v : us) sum += v;
  l.mean = sum / static_cast<double>(us.size());
  return l;
}

// get-by-id: `lookups` ids sampled (reservoir, fixed seed) from the records table, then
// for each id in turn one Store::get and one bare prepared SELECT on a second connection
// to the same file, so both see the same caches and the same moment of the run.
Figures lookups(const std::string& db_path, std::int64_t count) {
  sqlite3* raw = nullptr;
  auto fail = [&](const std::string& what) -> Figures {
    std::string msg = what + ": " + (raw ? sqlite3_errmsg(raw) : "no database");
    sqlite3_close(raw);
    return {{"error", msg}};
  };
  if (sqlite3_open_v2(db_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return fail("open");
  if (sqlite3_exec(raw, "PRAGMA cache_size = -32000", nullptr, nullptr, nullptr) != SQLITE_OK)
    return fail("pragma");

  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(count));
  {
    sqlite3_stmt* all = nullptr;
    if (sqlite3_prepare_v2(raw, "SELECT id FROM records", -1, &all, nullptr) != SQLITE_OK)
      return fail("prepare");
    std::uint64_t state = kSeed;
    auto next = [&] {
      std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      return z ^ (z >> 31);
    };
    std::uint64_t seen = 0;
    while (sqlite3_step(all) == SQLITE_ROW) {
      std::string id(reinterpret_cast<const char*>(sqlite3_column_text(all, 0)),
                     static_cast<std::size_t>(sqlite3_column_bytes(all, 0)));
      ++seen;
      if (ids.size() < static_cast<std::size_t>(count)) {
        ids.push_back(std::move(id));
      } else {
        std::uint64_t j = next() % seen;
        if (j < ids.size()) ids[j] = std::move(id);
      }
    }
    sqlite3_finalize(all);
    // Random order, not id order.
    for (std::size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[next() % i]);
  }

  auto store = jz::store::open_sqlite(db_path);
  if (!store) return fail(store.status().message());
  sqlite3_stmt* get = nullptr;
  if (sqlite3_prepare_v2(raw, "SELECT body FROM records WHERE id = ?1", -1, &get, nullptr) !=
      SQLITE_OK)
    return fail("prepare");

  std::vector<double> ours, anchor;
  ours.reserve(ids.size());
  anchor.reserve(ids.size());
  std::uint64_t checksum = 0;
  for (const auto& id : ids) {
    auto t0 = Clock::now();
    auto record = (*store)->get(id);
    auto t1 = Clock::now();
    if (!record) {
      sqlite3_finalize(get);
      return fail("Store::get(" + id + "): " + record.status().message());
    }
    checksum += record->id.size();
    auto t2 = Clock::now();
    sqlite3_bind_text(get, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    if (sqlite3_step(get) != SQLITE_ROW) {
      sqlite3_finalize(get);
      return fail("SELECT body for " + id);
    }
    checksum += static_cast<std::uint64_t>(sqlite3_column_bytes(get, 0));
    sqlite3_reset(get);
    auto t3 = Clock::now();
    ours.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    anchor.push_back(std::chrono::duration<double, std::micro>(t3 - t2).count());
  }
  sqlite3_finalize(get);
  sqlite3_close(raw);
  Latencies o = summarize(ours), a = summarize(anchor);
  return {{"lookups", std::to_string(ids.size())}, {"ours_p50", std::to_string(o.p50)},
          {"ours_p99", std::to_string(o.p99)},     {"ours_mean", std::to_string(o.mean)},
          {"ours_max", std::to_string(o.max)},     {"anchor_p50", std::to_string(a.p50)},
          {"anchor_p99", std::to_string(a.p99)},   {"anchor_mean", std::to_string(a.mean)},
          {"anchor_max", std::to_string(a.max)},   {"checksum", std::to_string(checksum)}};
}

int usage(const char* argv0) {
  std::fprintf(
      stderr,
      "usage: %s [--rows N | --records N] [--lookups N] [--real FILE] [--tmp DIR] [--keep]\n"
      "  --rows N     synthetic CPPC rows to import (default 1000000); --records N the same\n"
      "  --lookups N  Store::get calls after the import (default 100000)\n"
      "  --real FILE  the real CPPC list the distributions come from\n"
      "               (default %s/cppc-political-prisoners/"
      "chinese-political-prisoners.csv)\n"
      "  --tmp DIR    where the work directory is made (default $TMPDIR or /tmp)\n"
      "  --keep       keep the CSV and the databases\n",
      argv0, JZ_REALDATA);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t rows = 1'000'000;
  std::int64_t lookup_count = 100'000;
  std::string real =
      std::string(JZ_REALDATA) + "/cppc-political-prisoners/chinese-political-prisoners.csv";
  const char* tmp_env = std::getenv("TMPDIR");
  std::string tmp = tmp_env && *tmp_env ? tmp_env : "/tmp";
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if ((a == "--rows" || a == "--records") && has_value) {
      rows = std::atoll(argv[++i]);
    } else if (a == "--lookups" && has_value) {
      lookup_count = std::atoll(argv[++i]);
    } else if (a == "--real" && has_value) {
      real = argv[++i];
    } else if (a == "--tmp" && has_value) {
      tmp = argv[++i];
    } else if (a == "--keep") {
      keep = true;
    } else {
      return usage(argv[0]);
    }
  }
  if (rows <= 0 || lookup_count <= 0) return usage(argv[0]);

  std::string pattern = tmp + "/jz-bench-import-XXXXXX";
  std::vector<char> dir_buf(pattern.begin(), pattern.end());
  dir_buf.push_back('\0');
  if (!mkdtemp(dir_buf.data())) {
    std::fprintf(stderr, "cannot make a directory in %s: %s\n", tmp.c_str(), std::strerror(errno));
    return 1;
  }
  const std::string dir = dir_buf.data();
  const std::string csv = dir + "/cppc-synthetic.csv";
  const std::string ours_db = dir + "/jianzheng.db";
  const std::string anchor_db = dir + "/anchor.db";
  auto cleanup = [&] {
    if (!keep) {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  };
  auto die = [&](const char* phase, const std::string& error) {
    std::fprintf(stderr, "jz_bench_import: %s: %s\n", phase, error.c_str());
    cleanup();
    return 1;
  };

  const std::string load_at_start = load_average();
  auto gen = run_in_child([&] { return generate(real, csv, rows); });
  if (!gen.ok) return die("generating the CSV", gen.error);
  auto ours = run_in_child([&] { return import_ours(ours_db, csv); });
  if (!ours.ok) return die("import_cppc", ours.error);
  const std::uint64_t ours_bytes = file_size(ours_db) + file_size(ours_db + "-wal");
  auto anchor = run_in_child([&] { return import_anchor(anchor_db, csv); });
  if (!anchor.ok) return die("anchor load", anchor.error);
  const std::uint64_t anchor_bytes = file_size(anchor_db) + file_size(anchor_db + "-wal");
  auto get = run_in_child([&] { return lookups(ours_db, lookup_count); });
  if (!get.ok) return die("get-by-id", get.error);

  const Figures& g = gen.figures;
  const Figures& o = ours.figures;
  const Figures& a = anchor.figures;
  const Figures& l = get.figures;
  const double o_rows = num(o, "rows"), o_records = num(o, "created");
  const double o_sec = num(o, "seconds"), a_sec = num(a, "seconds");
  const double a_rows = num(a, "rows");

  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  line("== jz_bench_import: CPPC import and get-by-id ==");
  out += describe_machine();
  line("load avg  " + load_at_start + " at start, " + load_average() +
       " at end (other work on the machine slows every figure)");
  line("work dir  " + dir + (keep ? " (kept)" : " (removed at the end)"));
  line("");
  line("input     " + fmt(num(g, "rows")) + " synthetic rows, " + fmt(num(g, "urls")) + " URLs, " +
       mib(num(g, "bytes") / 1024.0) + ", from the distributions of " + fmt(num(g, "real_rows")) +
       " real rows (" + real + ")");
  line("          generated in " + fmt(num(g, "seconds"), 2) + " s, peak RSS " +
       mib(static_cast<double>(gen.max_rss_kib)));
  line("");
  line("import    jz::exchange::import_cppc into a fresh SQLite store (one transaction)");
  line("  rows               " + fmt(o_rows) + "  (" + fmt(num(o, "warnings")) +
       " lenient-date warnings)");
  line("  records written    " + fmt(o_records) + "  (persons " + fmt(num(o, "kind_person")) +
       ", cases " + fmt(num(o, "kind_case")) + ", sources " + fmt(num(o, "kind_source")) + ")");
  line("  wall time          " + fmt(o_sec, 2) + " s  (import_cppc " +
       fmt(num(o, "import_seconds"), 2) + " s: rows " + fmt(num(o, "rows_seconds"), 2) +
       " s, reference check + commit " + fmt(num(o, "import_seconds") - num(o, "rows_seconds"), 2) +
       " s; closing the store " + fmt(o_sec - num(o, "import_seconds"), 2) + " s)");
  line("  CPU time           " + fmt(ours.cpu_seconds, 2) + " s user+system");
  {
    std::string tenths = "  rows/s by tenth    ";
    double prev = 0;
    for (int t = 1; t <= 10; ++t) {
      double at = num(o, "tenth_" + std::to_string(t));
      if (at <= prev) continue;
      tenths += (t > 1 ? " " : "") + fmt(o_rows / 10 / (at - prev));
      prev = at;
    }
    line(tenths + "  (first to last tenth of the file)");
  }
  line("  rows/s             " + fmt(o_rows / o_sec));
  line("  records/s          " + fmt(o_records / o_sec) + "  (goal >= 100,000)");
  line("  peak RSS           " + mib(static_cast<double>(ours.max_rss_kib)) +
       "  (goal <= 200 MB; process at start " + mib(num(o, "rss_at_start_kib")) +
       ", before close " + mib(num(o, "rss_before_close_kib")) + ")");
  line("  database size      " + mib(static_cast<double>(ours_bytes) / 1024.0));
  line("anchor    the same CSV, same CsvReader, one JSON text per row into");
  line("          t(id TEXT PRIMARY KEY, body TEXT) STRICT, one transaction, WAL, sync NORMAL");
  line("  rows               " + fmt(a_rows));
  line("  wall time          " + fmt(a_sec, 2) + " s  (load " + fmt(num(a, "import_seconds"), 2) +
       " s, close " + fmt(a_sec - num(a, "import_seconds"), 2) + " s)");
  line("  CPU time           " + fmt(anchor.cpu_seconds, 2) + " s user+system");
  line("  rows/s             " + fmt(a_rows / a_sec));
  line("  peak RSS           " + mib(static_cast<double>(anchor.max_rss_kib)));
  line("  database size      " + mib(static_cast<double>(anchor_bytes) / 1024.0));
  line("ratio     import time ours / anchor = " + fmt(o_sec / a_sec * (a_rows / o_rows), 1) +
       "x per row (wall), " + fmt(ours.cpu_seconds / anchor.cpu_seconds * (a_rows / o_rows), 1) +
       "x (CPU)");
  line("");
  line("get-by-id " + fmt(num(l, "lookups")) +
       " random ids sampled from the records table, each looked up by both, interleaved");
  line("                     p50 us    p99 us   mean us    max us");
  char row_buf[160];
  std::snprintf(row_buf, sizeof row_buf, "  Store::get       %9.2f %9.2f %9.2f %9.1f",
                num(l, "ours_p50"), num(l, "ours_p99"), num(l, "ours_mean"), num(l, "ours_max"));
  line(row_buf);
  std::snprintf(row_buf, sizeof row_buf, "  anchor SELECT    %9.2f %9.2f %9.2f %9.1f",
                num(l, "anchor_p50"), num(l, "anchor_p99"), num(l, "anchor_mean"),
                num(l, "anchor_max"));
  line(row_buf);
  line("ratio     Store::get / bare SELECT: p50 " +
       fmt(num(l, "ours_p50") / num(l, "anchor_p50"), 1) + "x, p99 " +
       fmt(num(l, "ours_p99") / num(l, "anchor_p99"), 1) + "x, mean " +
       fmt(num(l, "ours_mean") / num(l, "anchor_mean"), 1) + "x");
  line("  (anchor: sqlite3 prepared \"SELECT body FROM records WHERE id = ?\" on the same file,");
  line("   same cache_size; Store::get also parses the JSON into a Record)");
  line("  peak RSS of the lookup process " + mib(static_cast<double>(get.max_rss_kib)));
  std::fputs(out.c_str(), stdout);
  cleanup();
  return 0;
}
