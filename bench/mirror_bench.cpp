// jz_bench_mirror: the static mirror export (`jianzheng publish`) of a database of synthetic
// CPPC rows (persons, cases and sources), in pages/s, against an anchor in the same run: a
// plain copy of the same files (read each, write it to a fresh folder), which is what any
// export costs at least. Then one record is changed and the export run again from the first
// one's state, against hard-linking the same files. Prints figures; never passes or fails on
// time.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench_util.hpp"
#include "cppc_synthetic.hpp"
#include "exchange/import.hpp"
#include "web/mirror_export.hpp"

namespace fs = std::filesystem;
using jz::bench::Clock;
using jz::bench::fmt;
using jz::bench::seconds_since;

namespace {

constexpr std::uint64_t kSeed = 20261122;

int usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s [--rows N] [--threads N] [--real CSV] [--tmp DIR] [--keep]\n"
               "  --rows N     synthetic CPPC rows (default 20000; each gives a person, a case\n"
               "               and its sources, each a page in three languages)\n"
               "  --threads N  render threads (default 2)\n",
               argv0);
  return 2;
}

// The anchor: every file of `from` read and written to `to`, one at a time.
double copy_tree(const fs::path& from, const fs::path& to) {
  auto start = Clock::now();
  std::string buffer;
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    fs::path target = to / fs::relative(e.path(), from);
    if (e.is_directory()) {
      fs::create_directories(target);
      continue;
    }
    std::ifstream in(e.path(), std::ios::binary);
    buffer.assign(std::istreambuf_iterator<char>(in), {});
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  }
  return seconds_since(start);
}

// The anchor of a re-export: every file of `from` hard-linked into `to`, which is the least
// an export that takes every unchanged file from the earlier one does.
double link_tree(const fs::path& from, const fs::path& to) {
  auto start = Clock::now();
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    fs::path target = to / fs::relative(e.path(), from);
    if (e.is_directory())
      fs::create_directories(target);
    else
      fs::create_hard_link(e.path(), target);
  }
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t rows = 20'000;
  unsigned threads = 2;
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
    } else if (a == "--threads" && has_value) {
      threads = static_cast<unsigned>(std::atoi(argv[++i]));
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
  if (rows <= 0 || threads == 0) return usage(argv[0]);

  std::string pattern = tmp + "/jz-bench-mirror-XXXXXX";
  std::vector<char> dir_buf(pattern.begin(), pattern.end());
  dir_buf.push_back('\0');
  if (!mkdtemp(dir_buf.data())) {
    std::fprintf(stderr, "cannot make a directory in %s: %s\n", tmp.c_str(), std::strerror(errno));
    return 1;
  }
  const fs::path dir = dir_buf.data();
  auto finish = [&](int rc) {
    if (!keep) fs::remove_all(dir);
    return rc;
  };
  auto die = [&](const char* phase, const std::string& error) {
    std::fprintf(stderr, "jz_bench_mirror: %s: %s\n", phase, error.c_str());
    return finish(1);
  };

  const std::string load_at_start = jz::bench::load_average();
  const std::string csv = (dir / "cppc-synthetic.csv").string();
  const std::string db = (dir / "jianzheng.db").string();
  auto made = jz::bench::make_cppc_synthetic(real, csv, rows, kSeed);
  if (!made) return die("generating the CSV", made.status().message());
  {
    auto store = jz::store::open_sqlite(db, {.create = true, .bulk = true});
    if (!store) return die("opening the database", store.status().message());
    jz::exchange::ImportOptions options;
    options.as_of = "2026-11-22";
    auto imported = jz::exchange::import_cppc(**store, csv, options);
    if (!imported) return die("importing", imported.status().message());
  }

  auto site = jz::web::Site::load();
  if (!site) return die("loading the site", site.status().message());
  jz::web::ReaderPool readers([&db] {
    jz::store::OpenOptions o;
    o.read_only = true;
    return jz::store::open_sqlite(db, std::move(o));
  });
  jz::web::MirrorOptions options;
  options.out = dir / "mirror";
  options.now = std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + std::chrono::hours(4);
  options.threads = threads;
  auto start = Clock::now();
  auto report = jz::web::export_mirror(**site, readers, options);
  const double ours = seconds_since(start);
  if (!report) return die("exporting", report.status().message());
  const double anchor = copy_tree(dir / "mirror", dir / "copy");

  const double pages_per_s = static_cast<double>(report->pages) / ours;
  const double files = static_cast<double>(report->files.size());
  std::printf("%s\n", jz::bench::describe_machine().c_str());
  std::printf("load      %s at start, %s at end\n", load_at_start.c_str(),
              jz::bench::load_average().c_str());
  std::printf("input     %s synthetic CPPC rows (%s)\n", fmt(static_cast<double>(rows)).c_str(),
              real.c_str());
  std::printf("ours      jz::web::export_mirror, %u threads: %s pages (%s files, %s MiB) in %s s\n",
              threads, fmt(static_cast<double>(report->pages)).c_str(), fmt(files).c_str(),
              fmt(static_cast<double>(report->bytes) / 1048576.0, 1).c_str(), fmt(ours, 2).c_str());
  std::printf("          %s pages/s, %s files/s; broken links %zu\n", fmt(pages_per_s).c_str(),
              fmt(files / ours).c_str(), report->broken.size());
  std::printf("anchor    plain copy of the same files, one thread: %s s, %s files/s\n",
              fmt(anchor, 2).c_str(), fmt(files / anchor).c_str());
  std::printf("ratio     ours/anchor files/s %s (1.00 would cost no more than copying)\n",
              fmt((files / ours) / (files / anchor), 2).c_str());
  std::printf("goal      >= 10,000 pages/s on 1M records (Hugo: ~430 pages/s on 16k pages)\n");

  // One person renamed, then the export again, taking what it can from the first.
  {
    auto store = jz::store::open_sqlite(db, {});
    if (!store) return die("opening the database to change it", store.status().message());
    auto persons = (*store)->list("person", rows / 2, 1);
    if (!persons || persons->empty()) return die("finding a person to change", "none");
    jz::Record person = persons->front();
    std::get<jz::Person>(person.body).name.en += " (renamed)";
    auto put = (*store)->put(person, {"bench", "one change"});
    if (!put) return die("changing a person", put.status().message());
  }
  jz::web::MirrorOptions again = options;
  again.out = dir / "mirror-again";
  again.previous_dir = options.out;
  again.previous_state = &report->state;
  start = Clock::now();
  auto second = jz::web::export_mirror(**site, readers, again);
  const double incremental = seconds_since(start);
  if (!second) return die("exporting again", second.status().message());
  const double linked = link_tree(dir / "mirror", dir / "links");
  std::printf(
      "again     one person renamed, then exported from the first export's state: "
      "%s pages rendered, %s taken, in %s s\n",
      fmt(static_cast<double>(second->pages)).c_str(),
      fmt(static_cast<double>(second->reused)).c_str(), fmt(incremental, 2).c_str());
  std::printf("anchor    hard links to every file of the first export, one thread: %s s\n",
              fmt(linked, 2).c_str());
  std::printf("ratio     anchor/ours time %s (1.00 would cost no more than linking the files)\n",
              fmt(linked / incremental, 2).c_str());
  std::printf("goal      a re-export after one change well under the first (< 1 s on the demo)\n");
  return finish(0);
}
