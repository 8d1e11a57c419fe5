#include "web/markdown.hpp"

#include <gtest/gtest.h>

namespace jz::web {
namespace {

TEST(Markdown, RendersCommonMark) {
  EXPECT_EQ(
      markdown_to_html("# 酷刑\n\n*强调* and [CHRD](https://www.nchrd.org/)\n"),
      "<h1>酷刑</h1>\n<p><em>强调</em> and <a href=\"https://www.nchrd.org/\">CHRD</a></p>\n");
}

TEST(Markdown, RawHtmlIsEscapedNeverPassedThrough) {
  std::string html =
      markdown_to_html("<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
}

TEST(Markdown, UnsafeLinkTargetsAreDropped) {
  for (const char* md : {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))",
                         "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)"}) {
    std::string html = markdown_to_html(md);
    EXPECT_NE(html.find("href=\"#\""), std::string::npos) << md << " -> " << html;
  }
  EXPECT_NE(markdown_to_html("[x](/zh-hans/about)").find("href=\"/zh-hans/about\""),
            std::string::npos);
  EXPECT_NE(markdown_to_html("[x](mailto:a@example.org)").find("mailto:"), std::string::npos);
}

TEST(Markdown, ImagesBecomeTheirTextSoNothingLoadsFromAnotherHost) {
  std::string html = markdown_to_html("![劳教所](https://example.org/camp.jpg)");
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("example.org"), std::string::npos) << html;
  EXPECT_NE(html.find("劳教所"), std::string::npos) << html;
}

}  // namespace
}  // namespace jz::web
