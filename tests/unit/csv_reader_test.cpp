#include "exchange/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace jz::exchange {
namespace {

std::vector<std::vector<CsvField>> read_all(const std::string& text, Status* error = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in, "t.csv");
  std::vector<std::vector<CsvField>> rows;
  std::vector<CsvField> row;
  while (true) {
    auto more = reader.next(row);
    if (!more) {
      if (error) *error = more.status();
      break;
    }
    if (!*more) break;
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> values(const std::vector<CsvField>& row) {
  std::vector<std::string> v;
  for (const auto& f : row) v.push_back(f.value);
  return v;
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  auto rows = read_all("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",,x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(values(rows[0]), (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(values(rows[1]), (std::vector<std::string>{"two\nlines", "", "x"}));
}

TEST(CsvReader, AcceptsEveryLineEndingAndAByteOrderMark) {
  for (const char* text :
       {"\xEF\xBB\xBFh1,h2\na,b\n", "h1,h2\r\na,b\r\n", "h1,h2\ra,b\r", "h1,h2\na,b"}) {
    SCOPED_TRACE(text);
    auto rows = read_all(text);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(values(rows[0]), (std::vector<std::string>{"h1", "h2"}));
    EXPECT_EQ(values(rows[1]), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(rows[1][1].line, 2u);
    EXPECT_EQ(rows[1][1].column, 3u);
  }
}

TEST(CsvReader, CountsColumnsInCharactersNotBytes) {
  auto rows = read_all("刘晓波,male,1955\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][1].column, 5u);
  EXPECT_EQ(rows[0][2].column, 10u);
}

TEST(CsvReader, NamesThePlaceOfAnUnclosedQuote) {
  Status error;
  read_all("a,b\nc,\"open\n", &error);
  EXPECT_EQ(error.message().rfind("t.csv:2:3: ", 0), 0u) << error.message();
  EXPECT_NE(error.message().find("never closed"), std::string::npos);
}

TEST(CsvReader, RefusesAQuoteInsideAnUnquotedField) {
  Status error;
  read_all("a,b\"c\n", &error);
  EXPECT_EQ(error.message().rfind("t.csv:1:4: ", 0), 0u) << error.message();
}

TEST(CsvReader, RefusesTextThatIsNotUtf8AtTheBadByte) {
  Status error;
  // "刘" in UTF-8, then GB18030 bytes for 刘 (C1 F5).
  read_all("name\n刘,\xC1\xF5\n", &error);
  EXPECT_EQ(error.message().rfind("t.csv:2:3: ", 0), 0u) << error.message();
  EXPECT_NE(error.message().find("not UTF-8"), std::string::npos);
  EXPECT_NE(error.message().find("iconv"), std::string::npos);
}

}  // namespace
}  // namespace jz::exchange
