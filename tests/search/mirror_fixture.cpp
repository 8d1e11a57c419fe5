// Writes the static search index of a data set, for the browser test of mirror search and
// to measure shard sizes:
//   jz_mirror_fixture --jsonl data/demo/demo.jsonl OUT   (or --cppc FILE)
// imports the file into OUT/fixture.db, writes OUT/search/ and prints its sizes.
#include <filesystem>
#include <iostream>

#include "exchange/import.hpp"
#include "static_fixture.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 4 || (std::string(argv[1]) != "--jsonl" && std::string(argv[1]) != "--cppc")) {
    std::cerr << "usage: jz_mirror_fixture --jsonl|--cppc FILE OUT_DIR\n";
    return 2;
  }
  const fs::path out = argv[3];
  fs::create_directories(out);
  fs::remove(out / "fixture.db");
  auto store = jz::store::open_sqlite((out / "fixture.db").string(), {.create = true});
  if (!store) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  jz::exchange::ImportOptions options;
  auto report = std::string(argv[1]) == "--cppc"
                    ? jz::exchange::import_cppc(**store, argv[2], options)
                    : jz::exchange::import_jsonl(**store, argv[2], options);
  if (!report) {
    std::cerr << report.status().message() << "\n";
    return 1;
  }
  auto docs = jz::testing::static_documents(**store);
  if (!docs) {
    std::cerr << docs.status().message() << "\n";
    return 1;
  }
  jz::search::StaticIndexWriter writer;
  for (auto& d : *docs) writer.add(std::move(d));
  fs::remove_all(out / "search");
  auto stats = writer.write(out / "search");
  if (!stats) {
    std::cerr << stats.status().message() << "\n";
    return 1;
  }
  std::cout << "documents " << stats->documents << "\nterms " << stats->terms << "\ncapped_terms "
            << stats->capped_terms << "\nfiles " << stats->files << "\ntotal_bytes "
            << stats->total_bytes << "\nterm_shards " << stats->term_shards
            << "\nlargest_term_shard " << stats->largest_term_shard << "\ndoc_shards "
            << stats->doc_shards << "\ndocs_per_shard " << stats->docs_per_shard
            << "\nlargest_doc_shard " << stats->largest_doc_shard << "\nfold_shards "
            << stats->fold_shards << "\nlargest_fold_shard " << stats->largest_fold_shard << "\n";
  return 0;
}
