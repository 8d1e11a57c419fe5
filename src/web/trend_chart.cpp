#include "web/trend_chart.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "web/feeds.hpp"

namespace jz::web {
namespace {

// The trend chart's viewBox and plot area.
constexpr double kWidth = 320, kHeight = 124;
constexpr double kLeft = 76, kRight = 312, kTop = 16, kBottom = 92;
constexpr double kAxisY = 98, kYearY = 110, kLegendY = 121;
// At least this far apart, year labels do not overlap (four digits at font size 11).
constexpr double kLabelGap = 30;

// Dark enough on white for text and graphics (each above 4.5:1), and told apart by shape too.
constexpr const char* kImproved = "#1f5fa8";  // blue
constexpr const char* kWorsened = "#a34700";  // dark orange, never beside a green
constexpr const char* kNeutral = "#4d4d4d";   // grey
constexpr const char* kInk = "#222222";
constexpr const char* kGrid = "#bbbbbb";

// Fixed notation with at most one decimal, no locale: "76", "135.3".
std::string num(double v) {
  v = std::round(v * 10) / 10;
  if (v == 0) v = 0;  // no "-0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  std::string out(buf, end);
  if (out.ends_with(".0")) out.resize(out.size() - 2);
  return out;
}

int start_year(const PartialDate& d) {
  return d.from().open ? d.to().year : d.from().year;
}
int end_year(const PartialDate& d) {
  return d.to().open ? d.from().year : d.to().year;
}

// Where year cells begin and how wide they are, for periods covering [first, last].
struct Years {
  int first = 0, last = 0;
  double cell() const { return (kRight - kLeft) / (last - first + 1); }
  double x(int year) const { return kLeft + (year - first) * cell(); }  // the cell's left edge
  double centre(int year) const { return x(year) + cell() / 2; }
};

std::string marker(const TrendPeriod& p, const Years& years, const TrendWords& words) {
  double mx = (years.x(p.from) + years.x(p.to + 1)) / 2;
  double y = trend_y(trend_level(p.value));
  auto pt = [&](double dx, double dy) { return num(mx + dx) + "," + num(y + dy); };
  std::string label = p.value == "improved"   ? words.improved
                      : p.value == "worsened" ? words.worsened
                      : p.value == "stasis"   ? words.stasis
                                              : words.ambiguous;
  std::string title = "<title>" + xml_escape(period_text(p) + ": " + label) + "</title>";
  if (p.value == "improved")
    return "<polygon class=\"improved\" points=\"" + pt(0, -6) + " " + pt(6, 4) + " " + pt(-6, 4) +
           "\" fill=\"" + kImproved + "\">" + title + "</polygon>";
  if (p.value == "worsened")
    return "<polygon class=\"worsened\" points=\"" + pt(0, 6) + " " + pt(6, -4) + " " + pt(-6, -4) +
           "\" fill=\"" + kWorsened + "\">" + title + "</polygon>";
  if (p.value == "stasis")
    return "<rect class=\"stasis\" x=\"" + num(mx - 4.5) + "\" y=\"" + num(y - 4.5) +
           "\" width=\"9\" height=\"9\" fill=\"" + kNeutral + "\">" + title + "</rect>";
  return "<polygon class=\"ambiguous\" points=\"" + pt(0, -6) + " " + pt(6, 0) + " " + pt(0, 6) +
         " " + pt(-6, 0) + "\" fill=\"#ffffff\" stroke=\"" + kNeutral + "\" stroke-width=\"2\">" +
         title + "</polygon>";
}

// The step line: one subpath per run of adjoining periods that are not ambiguous.
std::string step_line(const std::vector<TrendPeriod>& periods, const Years& years) {
  std::string d;
  const TrendPeriod* previous = nullptr;
  for (const auto& p : periods) {
    if (p.value == "ambiguous") {
      previous = nullptr;
      continue;
    }
    std::string y = num(trend_y(trend_level(p.value)));
    if (previous && p.from == previous->to + 1)
      d += " V" + y;
    else
      d += std::string(d.empty() ? "" : " ") + "M" + num(years.x(p.from)) + "," + y;
    d += " H" + num(years.x(p.to + 1));
    previous = &p;
  }
  if (d.empty()) return "";
  return "<path class=\"line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + kInk +
         "\" stroke-width=\"2\"/>";
}

// Years to label: the first, the last, and each period's start where there is room.
std::vector<int> labelled_years(const std::vector<TrendPeriod>& periods, const Years& years) {
  std::vector<int> candidates;
  for (const auto& p : periods) candidates.push_back(p.from);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<int> out{years.first};
  for (int y : candidates) {
    if (y <= years.first || y >= years.last) continue;
    if (years.centre(y) - years.centre(out.back()) < kLabelGap) continue;
    if (years.centre(years.last) - years.centre(y) < kLabelGap) continue;
    out.push_back(y);
  }
  if (years.last != years.first) out.push_back(years.last);
  return out;
}

}  // namespace

int trend_level(std::string_view value) {
  if (value == "improved") return 1;
  if (value == "worsened") return -1;
  return 0;
}

double trend_y(int level) {
  return (kTop + kBottom) / 2 - level * (kBottom - kTop) / 2;
}

std::vector<TrendPeriod> trend_periods(const std::vector<Assessment>& assessments) {
  std::vector<TrendPeriod> out;
  for (const auto& a : assessments) {
    if (!a.date) continue;
    TrendPeriod p{
        .from = start_year(*a.date), .to = end_year(a.to ? *a.to : *a.date), .value = a.value};
    if (p.from == 0) continue;  // an open range with no year at all
    if (p.to < p.from) p.to = p.from;
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const TrendPeriod& a, const TrendPeriod& b) {
    return a.from != b.from ? a.from < b.from : a.to < b.to;
  });
  return out;
}

std::string period_text(const TrendPeriod& p) {
  std::string out = std::to_string(p.from);
  if (p.to != p.from) out += "\u2013" + std::to_string(p.to);
  return out;
}

std::string trend_svg(const std::vector<TrendPeriod>& periods, const TrendWords& words,
                      ChartSize size) {
  double scale = size == ChartSize::kLarge ? 2 : 1;
  std::string summary = xml_escape(words.summary);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 " +
                    num(kWidth) + " " + num(kHeight) + "\" width=\"" + num(kWidth * scale) +
                    "\" height=\"" + num(kHeight * scale) + "\" role=\"img\" aria-label=\"" +
                    summary + "\"><title>" + summary + "</title>";
  out += "<g font-family=\"sans-serif\" font-size=\"11\" fill=\"" + std::string(kInk) + "\">";
  // The three levels, with the middle one stronger.
  for (auto [level, word] :
       {std::pair{1, &words.improved}, {0, &words.stasis}, {-1, &words.worsened}}) {
    std::string y = num(trend_y(level));
    out += "<line x1=\"" + num(kLeft) + "\" y1=\"" + y + "\" x2=\"" + num(kRight) + "\" y2=\"" + y +
           "\" stroke=\"" + kGrid + "\"" + (level == 0 ? "" : " stroke-dasharray=\"3 3\"") + "/>";
    out += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(trend_y(level) + 3.5) +
           "\" text-anchor=\"end\">" + xml_escape(*word) + "</text>";
  }
  if (!periods.empty()) {
    Years years{periods.front().from, periods.front().to};
    for (const auto& p : periods) {
      years.first = std::min(years.first, p.from);
      years.last = std::max(years.last, p.to);
    }
    out += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(kAxisY) + "\" x2=\"" + num(kRight) +
           "\" y2=\"" + num(kAxisY) + "\" stroke=\"" + kNeutral + "\"/>";
    for (int y : labelled_years(periods, years)) {
      std::string x = num(years.centre(y));
      out += "<line x1=\"" + x + "\" y1=\"" + num(kAxisY) + "\" x2=\"" + x + "\" y2=\"" +
             num(kAxisY + 3) + "\" stroke=\"" + kNeutral + "\"/>";
      out += "<text x=\"" + x + "\" y=\"" + num(kYearY) + "\" text-anchor=\"middle\">" +
             std::to_string(y) + "</text>";
    }
    out += step_line(periods, years);
    bool ambiguous = false;
    for (const auto& p : periods) {
      out += marker(p, years, words);
      ambiguous = ambiguous || p.value == "ambiguous";
    }
    if (ambiguous) {
      // The one value not on the axis: its hollow marker explained below the years.
      double cx = kLeft + 6, cy = kLegendY - 3.5;
      out += "<polygon class=\"legend\" points=\"" + num(cx) + "," + num(cy - 4) + " " +
             num(cx + 4) + "," + num(cy) + " " + num(cx) + "," + num(cy + 4) + " " + num(cx - 4) +
             "," + num(cy) + "\" fill=\"#ffffff\" stroke=\"" + kNeutral +
             "\" stroke-width=\"1.5\"/>";
      out += "<text x=\"" + num(cx + 8) + "\" y=\"" + num(kLegendY) + "\">" +
             xml_escape(words.ambiguous) + "</text>";
    }
  }
  out += "</g></svg>";
  return out;
}

std::string bar_svg(const std::vector<BarPart>& parts, std::string_view summary) {
  constexpr double kBarWidth = 200, kBarHeight = 14;
  std::string label = xml_escape(summary);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar\" viewBox=\"0 0 " +
                    num(kBarWidth) + " " + num(kBarHeight) + "\" width=\"" + num(kBarWidth) +
                    "\" height=\"" + num(kBarHeight) + "\" role=\"img\" aria-label=\"" + label +
                    "\"><title>" + label + "</title>";
  int total = 0;
  for (const auto& p : parts) total += std::max(0, p.count);
  if (total == 0) {
    out += "<rect x=\"0.5\" y=\"0.5\" width=\"199\" height=\"13\" fill=\"#ffffff\" stroke=\"" +
           std::string(kNeutral) + "\"/></svg>";
    return out;
  }
  int before = 0;
  for (const auto& p : parts) {
    if (p.count <= 0) continue;
    double x0 = kBarWidth * before / total, x1 = kBarWidth * (before + p.count) / total;
    before += p.count;
    std::string x = num(x0), w = num(x1 - x0);
    std::string title =
        "<title>" + xml_escape(p.label + ": " + std::to_string(p.count)) + "</title>";
    std::string open = "<g class=\"" + xml_escape(p.key) + "\">" + title;
    // Each status its own look, so that the bar reads without colour: kept full, partly kept
    // half full, broken struck through, pending grey, unclear hollow.
    if (p.key == "kept") {
      out += open + "<rect x=\"" + x + "\" y=\"0\" width=\"" + w + "\" height=\"14\" fill=\"" +
             kImproved + "\" stroke=\"#ffffff\"/></g>";
    } else if (p.key == "partly_kept") {
      out += open + "<rect x=\"" + x + "\" y=\"0\" width=\"" + w +
             "\" height=\"14\" fill=\"#ffffff\" stroke=\"" + kImproved + "\"/><rect x=\"" + x +
             "\" y=\"7\" width=\"" + w + "\" height=\"7\" fill=\"" + kImproved + "\"/></g>";
    } else if (p.key == "broken") {
      out += open + "<rect x=\"" + x + "\" y=\"0\" width=\"" + w + "\" height=\"14\" fill=\"" +
             kWorsened + "\" stroke=\"#ffffff\"/><line x1=\"" + x + "\" y1=\"14\" x2=\"" + num(x1) +
             "\" y2=\"0\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></g>";
    } else if (p.key == "pending") {
      out += open + "<rect x=\"" + x + "\" y=\"0\" width=\"" + w +
             "\" height=\"14\" fill=\"#8c8c8c\" stroke=\"#ffffff\"/></g>";
    } else {
      out += open + "<rect x=\"" + num(x0 + 0.5) + "\" y=\"0.5\" width=\"" +
             num(std::max(0.0, x1 - x0 - 1)) + "\" height=\"13\" fill=\"#ffffff\" stroke=\"" +
             kNeutral + "\" stroke-dasharray=\"2 2\"/></g>";
    }
  }
  out += "</svg>";
  return out;
}

}  // namespace jz::web
