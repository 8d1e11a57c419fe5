// A value many pages of a mirror export share is computed once, and every page that takes it
// notes what the computation read, as if it had read it itself.
#include "web/export_memo.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace jz::web {
namespace {

TEST(ExportMemo, ComputesOnceAndEveryTakerNotesItsReads) {
  ExportMemo memo;
  int computed = 0;
  auto compute = [&computed] {
    ++computed;
    note_record("p0000000001");
    note_list("person");
    note_today();
    return std::string("the value");
  };
  PageReads first, second;
  {
    RecordPageReads recording(first);
    note_record("c0000000001");  // the page's own read comes before
    EXPECT_EQ(*memo.once<std::string>("key", compute), "the value");
  }
  {
    RecordPageReads recording(second);
    EXPECT_EQ(*memo.once<std::string>("key", compute), "the value");
  }
  EXPECT_EQ(computed, 1);
  first.finish();
  second.finish();
  EXPECT_EQ(first.keys, (std::vector<std::string>{"k:person", "r:c0000000001", "r:p0000000001"}));
  EXPECT_EQ(second.keys, (std::vector<std::string>{"k:person", "r:p0000000001"}));
  EXPECT_TRUE(first.today);
  EXPECT_TRUE(second.today) << "the second page counts to today as the computation did";

  // Another key is another value; the same key asked for as another type is a program error.
  EXPECT_EQ(*memo.once<int>("other", [] { return 7; }), 7);
  EXPECT_THROW(memo.once<long>("other", [] { return 7L; }), std::logic_error);
}

TEST(ExportMemo, PagesRenderedAtOnceWaitForTheOneComputation) {
  ExportMemo memo;
  std::atomic<int> computed = 0;
  std::vector<std::thread> pages;
  std::vector<PageReads> reads(4);
  for (auto& r : reads)
    pages.emplace_back([&memo, &computed, &r] {
      RecordPageReads recording(r);
      auto value = memo.once<int>("key", [&computed] {
        ++computed;
        note_record("p0000000001");
        return 42;
      });
      EXPECT_EQ(*value, 42);
    });
  for (auto& t : pages) t.join();
  EXPECT_EQ(computed.load(), 1);
  for (const auto& r : reads) EXPECT_EQ(r.keys, std::vector<std::string>{"r:p0000000001"});
}

}  // namespace
}  // namespace jz::web
