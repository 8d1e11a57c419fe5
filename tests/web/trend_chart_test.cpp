// The SVG charts (web/trend_chart.cpp): well-formed (checked by xmllint), each value drawn at
// its level with its own shape, the step line broken by gaps and ambiguous periods, year labels
// that do not overlap, the summary for screen readers escaped, the same output every time;
// and the commitments bar in proportion.
#include "web/trend_chart.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>

#include "core/record_json.hpp"
#include "page_checks.hpp"
#include "web/feeds.hpp"

namespace jz::web {
namespace {

using page_checks::has;
using page_checks::xml_errors;

// The value of attribute `name` of the first element with class `cls`.
std::string attribute(const std::string& svg, const std::string& cls, const std::string& name) {
  auto at = svg.find("class=\"" + cls + "\"");
  if (at == std::string::npos) return "";
  auto start = svg.rfind('<', at);
  auto end = svg.find('>', at);
  std::smatch m;
  std::string element = svg.substr(start, end - start);
  if (!std::regex_search(element, m, std::regex(" " + name + "=\"([^\"]*)\""))) return "";
  return m[1];
}

// The middle of the vertical extent of a polygon's points.
double middle_y(const std::string& points) {
  double lo = 1e9, hi = -1e9;
  std::regex pair("([0-9.]+),([0-9.]+)");
  for (auto it = std::sregex_iterator(points.begin(), points.end(), pair);
       it != std::sregex_iterator(); ++it) {
    double y = std::stod((*it)[2]);
    lo = std::min(lo, y);
    hi = std::max(hi, y);
  }
  return (lo + hi) / 2;
}

TrendWords words(std::string summary = "Trend of T: 2000\u20132005: Worsened") {
  return {.improved = "Improved",
          .stasis = "No change",
          .worsened = "Worsened",
          .ambiguous = "Ambiguous",
          .summary = std::move(summary)};
}

// 2000–2005 worsened, 2006–2008 stasis, 2009 improved, 2010–2011 ambiguous: twelve year cells
// of 236/12 units from x=76.
const std::vector<TrendPeriod> kSeries = {{2000, 2005, "worsened"},
                                          {2006, 2008, "stasis"},
                                          {2009, 2009, "improved"},
                                          {2010, 2011, "ambiguous"}};

TEST(TrendChart, IsWellFormedSvgWithAViewBoxAndAFixedSize) {
  std::string svg = trend_svg(kSeries, words());
  EXPECT_EQ(xml_errors(svg), "") << svg;
  EXPECT_TRUE(
      svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" "
                      "viewBox=\"0 0 320 124\" width=\"320\" height=\"124\" role=\"img\""));
  std::string large = trend_svg(kSeries, words(), ChartSize::kLarge);
  EXPECT_TRUE(has(large, "viewBox=\"0 0 320 124\" width=\"640\" height=\"248\""));
  EXPECT_EQ(xml_errors(large), "");
  EXPECT_FALSE(has(svg, "<script")) << "no JavaScript";
  EXPECT_FALSE(has(svg, "href")) << "nothing loaded from elsewhere";
}

TEST(TrendChart, DrawsEachValueAtItsLevelWithItsOwnShape) {
  EXPECT_EQ(trend_level("improved"), 1);
  EXPECT_EQ(trend_level("stasis"), 0);
  EXPECT_EQ(trend_level("ambiguous"), 0);
  EXPECT_EQ(trend_level("worsened"), -1);
  EXPECT_EQ(trend_y(1), 16);
  EXPECT_EQ(trend_y(0), 54);
  EXPECT_EQ(trend_y(-1), 92);

  std::string svg = trend_svg(kSeries, words());
  // Triangles: apex up for improved (6 above, 4 below), down for worsened; a square for no
  // change; a hollow diamond for ambiguous, at 0.
  EXPECT_EQ(attribute(svg, "worsened", "points"), "135,98 141,88 129,88");
  EXPECT_EQ(middle_y(attribute(svg, "worsened", "points")), trend_y(-1) + 1);
  EXPECT_EQ(attribute(svg, "stasis", "x"), "219");
  EXPECT_EQ(attribute(svg, "stasis", "y"), "49.5");  // 54 - 4.5: centred at 0
  EXPECT_EQ(attribute(svg, "improved", "points"), "262.8,10 268.8,20 256.8,20");
  EXPECT_EQ(middle_y(attribute(svg, "improved", "points")), trend_y(1) - 1);
  EXPECT_EQ(attribute(svg, "ambiguous", "points"), "292.3,48 298.3,54 292.3,60 286.3,54");
  EXPECT_EQ(middle_y(attribute(svg, "ambiguous", "points")), trend_y(0));
  EXPECT_EQ(attribute(svg, "ambiguous", "fill"), "#ffffff") << "hollow";
  EXPECT_EQ(attribute(svg, "ambiguous", "stroke"), "#4d4d4d");
  // The step line: 2000–2005 at -1, up to 0 for 2006–2008, up to +1 for 2009, and no line
  // for the ambiguous years.
  EXPECT_EQ(attribute(svg, "line", "d"), "M76,92 H194 V54 H253 V16 H272.7");
  // Each marker says what it is when pointed at.
  EXPECT_TRUE(has(svg, "<title>2000\u20132005: Worsened</title>"));
  EXPECT_TRUE(has(svg, "<title>2010\u20132011: Ambiguous</title>"));
  // Improved and worsened differ in colour too, and neither is red or green.
  EXPECT_EQ(attribute(svg, "improved", "fill"), "#1f5fa8");
  EXPECT_EQ(attribute(svg, "worsened", "fill"), "#a34700");
}

TEST(TrendChart, TheLineBreaksAtGapsAndAmbiguousPeriods) {
  std::string svg = trend_svg({{2000, 2000, "improved"},
                               {2001, 2001, "ambiguous"},
                               {2002, 2002, "improved"},
                               {2005, 2006, "worsened"}},
                              words());
  EXPECT_EQ(xml_errors(svg), "");
  // Seven cells of 236/7 from 76: a subpath for 2000, one for 2002, one after the gap.
  EXPECT_EQ(attribute(svg, "line", "d"), "M76,16 H109.7 M143.4,16 H177.1 M244.6,92 H312");
  // The hollow marker's legend appears only when a period is ambiguous.
  EXPECT_TRUE(has(svg, "class=\"legend\""));
  EXPECT_TRUE(has(svg, ">Ambiguous</text>"));
  EXPECT_FALSE(has(trend_svg({{2000, 2001, "stasis"}}, words()), "class=\"legend\""));
}

TEST(TrendChart, LabelsYearsWithoutOverlap) {
  std::vector<TrendPeriod> many;
  for (int y = 1990; y < 2020; y += 2) many.push_back({y, y + 1, y % 4 ? "improved" : "stasis"});
  std::string svg = trend_svg(many, words());
  EXPECT_EQ(xml_errors(svg), "");
  std::regex label("<text x=\"([0-9.]+)\" y=\"110\" text-anchor=\"middle\">([0-9]{4})</text>");
  std::vector<double> xs;
  std::vector<std::string> years;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator();
       ++it) {
    xs.push_back(std::stod((*it)[1]));
    years.push_back((*it)[2]);
  }
  ASSERT_GE(years.size(), 3u);
  EXPECT_EQ(years.front(), "1990");
  EXPECT_EQ(years.back(), "2019");
  for (std::size_t i = 1; i < xs.size(); ++i) EXPECT_GE(xs[i] - xs[i - 1], 30) << years[i];
  // One period of one year: a single label.
  std::string one = trend_svg({{2009, 2009, "improved"}}, words());
  EXPECT_EQ(
      std::distance(std::sregex_iterator(one.begin(), one.end(), label), std::sregex_iterator()),
      1);
}

TEST(TrendChart, SummarisesTheSeriesForScreenReadersEscaped) {
  std::string svg = trend_svg(kSeries, words("Trend of \"A & B\" <C>: 2000\u20132005: Worsened"));
  EXPECT_EQ(xml_errors(svg), "");
  EXPECT_TRUE(has(svg,
                  "aria-label=\"Trend of &quot;A &amp; B&quot; &lt;C&gt;: 2000\u20132005: "
                  "Worsened\""));
  EXPECT_TRUE(has(
      svg, "<title>Trend of &quot;A &amp; B&quot; &lt;C&gt;: 2000\u20132005: Worsened</title>"));
  // What XML cannot carry is dropped, not passed on.
  EXPECT_EQ(xml_errors(trend_svg(kSeries, words(std::string("bad \x01 byte")))), "");
  EXPECT_EQ(xml_escape("a<b>&'\""), "a&lt;b&gt;&amp;&#39;&quot;");
}

TEST(TrendChart, TheSameDataGivesTheSameBytes) {
  EXPECT_EQ(trend_svg(kSeries, words()), trend_svg(kSeries, words()));
  // Every coordinate in fixed notation with at most one decimal, whatever the locale.
  std::string svg = trend_svg(kSeries, words());
  std::regex coordinate(" (x|y|x1|y1|x2|y2|width|height)=\"([^\"]*)\"");
  int seen = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), coordinate);
       it != std::sregex_iterator(); ++it, ++seen)
    EXPECT_TRUE(std::regex_match((*it)[2].str(), std::regex("[0-9]+(\\.[0-9])?"))) << (*it)[0];
  EXPECT_GT(seen, 20);
}

// The decoder keeps assessments oldest first (it refuses any other order).
TEST(TrendChart, PeriodsComeFromAssessmentsEarliestFirst) {
  auto r = parse_record(R"({"id":"n0000000001","kind":"indicator","body":{"dimension":"labour",
      "title":{"en":"T"},"assessments":[{"from":"2000","to":"2005-06","value":"worsened"},
      {"from":"2006","to":"2008","value":"stasis"},{"from":"2009-03","value":"improved"}]}})");
  ASSERT_TRUE(r) << r.status().message();
  auto periods = trend_periods(std::get<Indicator>(r->body).assessments);
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].from, 2000);
  EXPECT_EQ(periods[0].to, 2005);
  EXPECT_EQ(periods[0].value, "worsened");
  EXPECT_EQ(periods[1].from, 2006);
  EXPECT_EQ(periods[2].from, 2009);
  EXPECT_EQ(periods[2].to, 2009) << "no end: its own year";
  EXPECT_EQ(period_text(periods[0]), "2000\u20132005");
  EXPECT_EQ(period_text(periods[2]), "2009");

  // Records list them oldest first (the decoder insists); given out of order, they are sorted.
  auto one = [](const char* from, const char* value) {
    Assessment a;
    a.date = *PartialDate::parse(from);
    a.value = value;
    return a;
  };
  auto sorted = trend_periods({one("2012", "stasis"), one("2003/2004", "improved")});
  ASSERT_EQ(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].from, 2003);
  EXPECT_EQ(sorted[0].to, 2004) << "a range's end";
  EXPECT_EQ(sorted[1].from, 2012);
}

TEST(TrendChart, AChartWithoutPeriodsHasOnlyItsAxis) {
  std::string svg = trend_svg({}, words("Trend of T: Not assessed yet."));
  EXPECT_EQ(xml_errors(svg), "");
  EXPECT_FALSE(has(svg, "class=\"line\""));
  EXPECT_TRUE(has(svg, ">Improved</text>"));
}

TEST(CommitmentBar, SplitsInProportionWithAShapeForEachStatus) {
  std::string svg = bar_svg({{3, "kept", "Kept"},
                             {2, "partly_kept", "Partly kept"},
                             {1, "broken", "Broken"},
                             {1, "pending", "Pending"},
                             {0, "unclear", "Unclear"}},
                            "3 of 7 commitments kept, 2 partly, 1 broken, 1 pending");
  EXPECT_EQ(xml_errors(svg), "") << svg;
  EXPECT_TRUE(has(svg, "aria-label=\"3 of 7 commitments kept, 2 partly, 1 broken, 1 pending\""));
  // 200 units: 3/7 = 85.7, 2/7 = 57.1, 1/7 = 28.6 each.
  EXPECT_TRUE(has(svg,
                  "<g class=\"kept\"><title>Kept: 3</title><rect x=\"0\" y=\"0\" "
                  "width=\"85.7\""));
  EXPECT_TRUE(has(svg, "<g class=\"partly_kept\"><title>Partly kept: 2</title><rect x=\"85.7\""));
  EXPECT_TRUE(has(svg, "<rect x=\"85.7\" y=\"7\" width=\"57.1\" height=\"7\"")) << "half full";
  EXPECT_TRUE(has(svg, "<g class=\"broken\"><title>Broken: 1</title><rect x=\"142.9\""));
  EXPECT_TRUE(has(svg, "<line x1=\"142.9\" y1=\"14\" x2=\"171.4\" y2=\"0\"")) << "struck through";
  EXPECT_TRUE(has(svg,
                  "<g class=\"pending\"><title>Pending: 1</title><rect x=\"171.4\" y=\"0\" "
                  "width=\"28.6\""));
  EXPECT_FALSE(has(svg, "class=\"unclear\"")) << "0 is not drawn";
  std::string none = bar_svg({{0, "kept", "Kept"}}, "No commitment is recorded");
  EXPECT_EQ(xml_errors(none), "");
  EXPECT_TRUE(has(none, "<rect x=\"0.5\" y=\"0.5\" width=\"199\" height=\"13\" fill=\"#ffffff\""));
}

}  // namespace
}  // namespace jz::web
