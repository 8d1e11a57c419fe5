#include "core/json_writer.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace jz {
namespace {

TEST(JsonWriter, WritesNestedContainersWithCommasInPlace) {
  JsonWriter w;
  w.begin_object().key("a").value(1LL).key("b").begin_array();
  w.value("x").begin_object().end_object().begin_array().end_array();
  w.end_array().key("c").value("y").end_object();
  EXPECT_EQ(w.take(), R"({"a":1,"b":["x",{},[]],"c":"y"})");
}

TEST(JsonWriter, EscapesEveryStringSoAJsonParserReadsItBack) {
  std::string nasty = "quote \" backslash \\ 刘晓波 </script> \x7f";
  for (char c = 1; c < 0x20; ++c) nasty += c;
  JsonWriter w;
  w.begin_array().value(nasty).end_array();
  std::string out = w.take();
  EXPECT_EQ(nlohmann::json::parse(out)[0].get<std::string>(), nasty);
  EXPECT_NE(out.find("刘晓波"), std::string::npos);  // UTF-8 is not \u-escaped
}

TEST(JsonWriter, WritesTheShortestDoubleThatReadsBackTheSame) {
  for (double d : {41.1, 121.13, -0.5, 90.0, 1e-7, 39.904211}) {
    JsonWriter w;
    w.begin_array().value(d).end_array();
    std::string out = w.take();
    EXPECT_EQ(nlohmann::json::parse(out)[0].get<double>(), d) << out;
  }
  JsonWriter w;
  w.begin_array().value(41.1).end_array();
  EXPECT_EQ(w.take(), "[41.1]");
}

}  // namespace
}  // namespace jz
