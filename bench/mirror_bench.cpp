// jz_bench_mirror: `jianzheng publish` (mirror_publish::publish_mirror: export, signature,
// folders, state) of a database of synthetic CPPC rows (persons, cases and sources), in
// pages/s, against an anchor in the same run: a plain copy of the same files (read each, write
// it to a fresh folder), which is what any export costs at least. Then one record is changed
// and the mirror published again, twice: the first time the new mirror is made by linking
// the unchanged files of the current one (anchor: hard-linking every file), the second time
// by updating the mirror before it (anchor: stat() of every file, what any tool that looks at
// the files to find what changed costs). Last, `jianzheng publish` itself, in a process of its
// own as an organisation runs it, publishes the same mirror and then again after one more
// change: nothing is warm from an export before it. Prints figures; never passes or fails on
// time.
#include <malloc.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench_util.hpp"
#include "cppc_synthetic.hpp"
#include "exchange/import.hpp"
#include "mirror/keyring.hpp"
#include "mirror_publish/publish_mirror.hpp"

namespace fs = std::filesystem;
using jz::bench::Clock;
using jz::bench::fmt;
using jz::bench::seconds_since;

namespace {

constexpr std::uint64_t kSeed = 20261122;

int usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s [--rows N] [--threads N] [--real CSV] [--tmp DIR] [--keep | --db-only]\n"
               "  --rows N     synthetic CPPC rows (default 20000; each gives a person, a case\n"
               "               and its sources, each a page in three languages: 1M records are\n"
               "               333334 rows, a mirror of 24 GB on ext4, and the anchor copies it)\n"
               "  --threads N  render threads (default 2)\n"
               "  --db-only    make the database and the key, keep them and stop: to time\n"
               "               `jianzheng publish` alone on a large database\n",
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
  fs::create_directories(to);
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    fs::path target = to / fs::relative(e.path(), from);
    if (e.is_directory())
      fs::create_directories(target);
    else
      fs::create_hard_link(e.path(), target);
  }
  return seconds_since(start);
}

// The anchor of a re-export that updates a mirror in place: stat() of every file under `dir`.
double stat_tree(const fs::path& dir) {
  auto start = Clock::now();
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) bytes += e.file_size();
  if (bytes == 0) std::fprintf(stderr, "jz_bench_mirror: %s is empty\n", dir.c_str());
  return seconds_since(start);
}

// `jianzheng publish` of `dir`'s database into `dir`/mirror in a process of its own. The
// seconds it took, and what it printed; an error if it failed.
jz::Result<double> publish_by_hand(const fs::path& dir, unsigned threads, std::string& said) {
  const std::string command = std::string(JZ_CLI) + " --db '" + (dir / "jianzheng.db").string() +
                              "' publish --keys '" + (dir / "keys").string() + "' --out '" +
                              (dir / "mirror").string() + "' --as-of 2026-11-23 --threads " +
                              std::to_string(threads) + " 2>&1";
  auto start = Clock::now();
  FILE* p = popen(command.c_str(), "r");
  if (!p) return jz::Status::io(command + ": " + std::strerror(errno));
  said.clear();
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;) said.append(buffer, n);
  const int rc = pclose(p);
  const double took = seconds_since(start);
  if (rc != 0) return jz::Status::internal(command + " failed: " + said);
  return took;
}

// "rendered 34 pages" of what publish printed, or "?" if it said nothing of the kind.
std::string rendered_of(const std::string& said) {
  auto at = said.find("rendered ");
  if (at == std::string::npos) return "?";
  at += 9;
  return said.substr(at, said.find(' ', at) - at);
}

// Appends `suffix` to the English name of the `nth` person.
jz::Status rename_person(const std::string& db, std::int64_t nth, const std::string& suffix) {
  auto store = jz::store::open_sqlite(db, {});
  if (!store) return store.status();
  auto persons = (*store)->list("person", nth, 1);
  if (!persons) return persons.status();
  if (persons->empty()) return jz::Status::not_found("no person to change");
  jz::Record person = persons->front();
  std::get<jz::Person>(person.body).name.en += suffix;
  return (*store)->put(person, {"bench", "one change"}).status();
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
  bool db_only = false;
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
    } else if (a == "--db-only") {
      keep = db_only = true;
    } else {
      return usage(argv[0]);
    }
  }
  if (rows <= 0 || threads == 0) return usage(argv[0]);
  // Each line as soon as it is known: a long run that fails (a full disk) keeps what it found.
  std::setvbuf(stdout, nullptr, _IOLBF, 0);

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

  std::int64_t records = 0;  // the goal counts records, and a row gives about three
  {
    auto store = jz::store::open_sqlite(db, {.read_only = true});
    if (!store) return die("opening the database", store.status().message());
    auto counts = (*store)->count_by_kind();
    if (!counts) return die("counting the records", counts.status().message());
    for (const auto& [kind, n] : *counts) records += n;
  }

  auto site = jz::web::Site::load();
  if (!site) return die("loading the site", site.status().message());
  jz::web::ReaderPool readers([&db] {
    jz::store::OpenOptions o;
    o.read_only = true;
    return jz::store::open_sqlite(db, std::move(o));
  });
  auto keys = jz::mirror::generate_keys(dir / "keys");
  if (!keys) return die("making a key", keys.status().message());
  auto signer = jz::mirror::load_signer(dir / "keys");
  if (!signer) return die("loading the key", signer.status().message());
  if (db_only) {
    std::printf(
        "made %s: %s records in jianzheng.db, a key in keys/; publish with\n"
        "  jianzheng --db %s/jianzheng.db publish --keys %s/keys --out %s/mirror\n",
        dir.c_str(), fmt(static_cast<double>(records)).c_str(), dir.c_str(), dir.c_str(),
        dir.c_str());
    return 0;
  }
  (*site)->settings.signing_key = keys->current_fingerprint();  // on every page, as publish does
  jz::mirror_publish::PublishOptions options;
  options.dir = dir / "mirror";
  options.render.now =
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + std::chrono::hours(4);
  options.render.threads = threads;
  auto publish = [&](double& seconds) {
    auto start = Clock::now();
    auto published = jz::mirror_publish::publish_mirror(**site, readers, *signer, options);
    seconds = seconds_since(start);
    return published;
  };
  double ours = 0;
  double files = 0;
  {
    // In a block: the report holds every page's state, gigabytes at 1M records, which the
    // publishes after it and the `jianzheng` process run below need.
    auto first = publish(ours);
    if (!first) return die("publishing", first.status().message());
    const auto& report = first->report;
    const double pages_per_s = static_cast<double>(report.pages) / ours;
    files = static_cast<double>(report.files.size());
    std::printf("%s\n", jz::bench::describe_machine().c_str());
    std::printf("load      %s at start\n", load_at_start.c_str());
    std::printf("input     %s synthetic CPPC rows, %s records (%s)\n",
                fmt(static_cast<double>(rows)).c_str(), fmt(static_cast<double>(records)).c_str(),
                real.c_str());
    std::printf("ours      publish_mirror, %u threads: %s pages (%s files, %s MiB) in %s s\n",
                threads, fmt(static_cast<double>(report.pages)).c_str(), fmt(files).c_str(),
                fmt(static_cast<double>(report.bytes) / 1048576.0, 1).c_str(),
                fmt(ours, 2).c_str());
    std::printf("          %s pages/s, %s files/s; broken links %zu\n", fmt(pages_per_s).c_str(),
                fmt(files / ours).c_str(), report.broken.size());
  }
  const double anchor = copy_tree(dir / "mirror", dir / "copy");
  fs::remove_all(dir / "copy");  // as large as the mirror
  std::printf("anchor    plain copy of the same files, one thread: %s s, %s files/s\n",
              fmt(anchor, 2).c_str(), fmt(files / anchor).c_str());
  std::printf("ratio     ours/anchor files/s %s (1.00 would cost no more than copying)\n",
              fmt((files / ours) / (files / anchor), 2).c_str());
  std::printf("goal      >= 10,000 pages/s on 1M records (Hugo: ~430 pages/s on 16k pages)\n");

  // One person renamed, then the mirror published again, twice.
  auto again = [&](std::int64_t nth, const char* what, const char* anchor_what,
                   double anchor_s) -> int {
    if (auto s = rename_person(db, nth, " (renamed)"); !s.is_ok())
      return die("changing a person", s.message());
    double took = 0;
    auto published = publish(took);
    if (!published) return die("publishing again", published.status().message());
    const auto& r = published->report;
    std::printf("again     %s: %s pages rendered, %s taken; files %s written, %s kept, in %s s\n",
                what, fmt(static_cast<double>(r.pages)).c_str(),
                fmt(static_cast<double>(r.reused)).c_str(),
                fmt(static_cast<double>(r.written)).c_str(),
                fmt(static_cast<double>(r.kept)).c_str(), fmt(took, 2).c_str());
    std::printf("anchor    %s, one thread: %s s; ratio anchor/ours time %s\n", anchor_what,
                fmt(anchor_s, 2).c_str(), fmt(anchor_s / took, 2).c_str());
    return 0;
  };
  if (int rc =
          again(rows / 2, "one person renamed, the mirror made by linking the current one's files",
                "hard links to every file of the mirror", link_tree(dir / "mirror", dir / "links")))
    return finish(rc);
  if (int rc = again(rows / 3, "another renamed, the mirror made from the one before it",
                     "stat() of every file of the mirror", stat_tree(dir / "mirror")))
    return finish(rc);

  // The program's own publish renders every page the first time: another build made the mirror.
  // What this process freed goes back to the system first: at 1M records the two did not fit.
  malloc_trim(0);
  std::string said;
  auto by_hand = publish_by_hand(dir, threads, said);
  if (!by_hand) return die("jianzheng publish", by_hand.status().message());
  const double by_hand_first = *by_hand;
  if (auto s = rename_person(db, rows / 4, " (renamed)"); !s.is_ok())
    return die("changing a person", s.message());
  by_hand = publish_by_hand(dir, threads, said);
  if (!by_hand) return die("jianzheng publish", by_hand.status().message());
  std::printf(
      "again     another renamed, `jianzheng publish` in a process of its own: %s pages "
      "rendered in %s s (its first publish, every page rendered: %s s)\n",
      rendered_of(said).c_str(), fmt(*by_hand, 2).c_str(), fmt(by_hand_first, 2).c_str());
  std::printf("goal      a re-export after one change < 1 s\n");
  std::printf("load      %s at end\n", jz::bench::load_average().c_str());
  return finish(0);
}
