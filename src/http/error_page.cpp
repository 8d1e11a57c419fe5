#include "http/error_page.hpp"

#include <cstdio>
#include <string>

namespace jz::http::detail {

namespace {

// Plain text in both languages of the site; the first line starts with the status so that
// someone reading a bug report can tell which error it was.
std::string builtin_text(int status, const ServerOptions& options) {
  switch (status) {
    case 400:
      return "400 Bad request / 请求有误\n"
             "The request or its address is malformed. Check the link, or retype the address, "
             "and try again.\n"
             "请求或网址格式有误。请检查链接或重新输入网址后再试。\n";
    case 413: {
      std::string limit = std::to_string(options.max_body_bytes);
      std::string text = "413 Request body too large / 请求正文过大\n";
      text += "The limit is " + limit + " bytes. Send less, or split it into several requests.\n";
      text += "上限为 " + limit + " 字节。请减少提交的内容，或分几次提交。\n";
      return text;
    }
    case 431: {
      std::string limit = std::to_string(options.max_header_bytes);
      std::string text = "431 Request headers too large / 请求头过大\n";
      text += "The limit is " + limit + " bytes. Clear this site's cookies and try again.\n";
      text += "上限为 " + limit + " 字节。请清除本网站的 Cookie 后再试。\n";
      return text;
    }
    case 500:
      return "500 Internal server error / 服务器内部错误\n"
             "The server could not complete the request. Try again later; if it keeps "
             "happening, tell the site's operators.\n"
             "服务器未能完成请求。请稍后再试；如果问题持续出现，请告知网站管理员。\n";
    default:
      return std::to_string(status) + " Error / 错误\n";
  }
}

}  // namespace

Response server_error(int status, const ServerOptions& options) {
  if (options.error_page) {
    try {
      Response response = options.error_page(status);
      response.status = status;  // the hook chooses the page, not the status
      return response;
    } catch (...) {
      // A broken error page must not turn a 413 into a dropped connection: fall back.
    }
    std::string line =
        "jz_http: error_page threw for " + std::to_string(status) + "; sent the built-in text\n";
    std::fputs(line.c_str(), stderr);
  }
  return Response::text(status, builtin_text(status, options));
}

}  // namespace jz::http::detail
