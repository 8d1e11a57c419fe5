#pragma once
// Small charts as inline SVG, written here rather than in a template because every number in
// them is computed: an indicator's trend as a step line over its periods, and an engagement's
// commitments as one stacked bar. Pure and deterministic (fixed number formatting, no
// locale), no script, no external file, sized by a viewBox; every text is XML-escaped here,
// so a page may insert the result unescaped ({{{svg}}}). Colour is never the only cue: each
// trend value has its own marker shape and each bar part its own pattern of outline.
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"

namespace jz::web {

// One assessed period of an indicator, in whole years (`to` >= `from`).
struct TrendPeriod {
  int from = 0;
  int to = 0;
  std::string value = {};  // vocab::trend_values()
};

// The level a value is drawn at: improved +1, stasis and ambiguous 0, worsened -1.
int trend_level(std::string_view value);

// The periods of an indicator's assessments, earliest first: years of `date` (its start when
// it is a range) to `to` (its end), or `date`'s own last year when there is no `to`.
std::vector<TrendPeriod> trend_periods(const std::vector<Assessment>& assessments);

// "2000–2005", or "2009" for a period of one year.
std::string period_text(const TrendPeriod& period);

// The words a chart shows, in the reader's language.
struct TrendWords {
  // The y axis and the markers' titles.
  std::string improved = {}, stasis = {}, worsened = {}, ambiguous = {};
  std::string summary = {};  // the whole series in words: <title> and aria-label
};

enum class ChartSize { kSmall, kLarge };

// The chart: y axis improved / no change / worsened, x axis years (one cell per year), a step
// line over the periods; markers at each period's middle: triangle up (improved), square
// (no change), triangle down (worsened), and for ambiguous a hollow diamond at 0 where the
// line breaks. The viewBox is always 0 0 320 124; the size sets width and height only.
std::string trend_svg(const std::vector<TrendPeriod>& periods, const TrendWords& words,
                      ChartSize size = ChartSize::kSmall);

// The y coordinate of a level in trend_svg's viewBox (+1 top, 0 middle, -1 bottom).
double trend_y(int level);

// One part of a bar: how many, its label (for the title), and its key (vocabulary value),
// which picks its colour and outline.
struct BarPart {
  int count = 0;
  std::string key = {};
  std::string label = {};
};

// A 200×14 bar split in proportion to the parts' counts (parts with 0 are left out), with
// `summary` as its title and aria-label. An empty bar (no parts) is an outlined box.
std::string bar_svg(const std::vector<BarPart>& parts, std::string_view summary);

}  // namespace jz::web
