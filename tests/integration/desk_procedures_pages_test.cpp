// The procedure catalogue's pages over HTTP against the real binary with the
// demo data: list and search, the form (every error at once, a new version, a
// stale edit), who sees which buttons, same-day registration, activation, CSV
// import (preview, confirm, upload) and export, the dossier-code settings.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "platform/http/message.h"
#include "platform/time.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

class DeskProceduresPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_path_ = new std::string(TempPath("desk_procedures_pages.db"));
    server_ = new ServerProcess(*db_path_, {"--demo"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete db_path_;
  }
  static int port() { return server_->port(); }
  static HttpResult Get(const Session& s, const std::string& path) {
    return Request(port(), "GET", path, "", {{"Cookie", s.cookie}});
  }
  // A form as a browser sends it (fields in order, the CSRF token first).
  static HttpResult Post(const Session& s, const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body = "csrf_token=" + http::UrlEncode(s.csrf);
    for (auto& [k, v] : fields) body += "&" + http::UrlEncode(k) + "=" + http::UrlEncode(v);
    return Request(port(), "POST", path, body,
                   {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static HttpResult PostMultipart(const Session& s, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& fields,
                                  const std::string& file) {
    const std::string b = "----fgtestboundary7MA4YWxk";
    std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + s.csrf + "\r\n";
    for (auto& [k, v] : fields)
      body += "--" + b + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    body += "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"thu-tuc.csv\"\r\n" +
            "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + b + "--\r\n";
    return Request(port(), "POST", path, body,
                   {{"Cookie", s.cookie}, {"Content-Type", "multipart/form-data; boundary=" + b}});
  }
  static int64_t IdFrom(const HttpResult& r) {
    std::smatch m;
    const std::string loc = r.headers.count("location") ? r.headers.at("location") : "";
    if (!std::regex_search(loc, m, std::regex("/desk/procedures/(\\d+)"))) return 0;
    return std::stoll(m[1]);
  }
  static bool Has(const HttpResult& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  // A complete procedure form with two documents.
  static std::vector<std::pair<std::string, std::string>> Form(const std::string& code, const std::string& name) {
    return {{"unit_code", "75"},
            {"code", code},
            {"name", name},
            {"field", "Hộ tịch"},
            {"level", "commune"},
            {"limit_amount", "5"},
            {"limit_unit", "days"},
            {"cutoff", "15:00"},
            {"online_level", "1"},
            {"fees", "Miễn lệ phí"},
            {"documents[0].name", "Tờ khai"},
            {"documents[0].kind", "original"},
            {"documents[0].count", "1"},
            {"documents[1].name", ""},
            {"documents[1].count", ""},
            {"documents[2].name", "Căn cước"},
            {"documents[2].kind", "copy"},
            {"documents[2].count", "2"},
            {"steps[0].name", "Tiếp nhận"},
            {"steps[0].handler", "Bộ phận một cửa"},
            {"steps[0].hours", "1"},
            {"steps[0].hours_unit", "days"},
            {"legal_basis", "Luật Hộ tịch 2014\r\nNghị định 123/2015/NĐ-CP"},
            {"valid_from_day", "1"},
            {"valid_from_month", "7"},
            {"valid_from_year", "2025"}};
  }
  static std::string* db_path_;
  static ServerProcess* server_;
};
std::string* DeskProceduresPages::db_path_ = nullptr;
ServerProcess* DeskProceduresPages::server_ = nullptr;

TEST_F(DeskProceduresPages, TheFormReportsEveryErrorAtOnceThenCreates) {
  auto admin = Login(port(), "admin", "demo");
  auto empty = Post(admin, "/desk/procedures/new",
                    {{"unit_code", "75"},
                     {"limit_unit", "days"},
                     {"cutoff", "25:00"},
                     {"documents[0].name", ""},
                     {"documents[0].count", "x"},
                     {"documents[1].name", "Tờ khai"},
                     {"steps[1].name", "Thẩm định"},
                     {"steps[1].hours", "-3"}});
  ASSERT_EQ(empty.status, 400) << empty.body;
  EXPECT_TRUE(Has(empty, "<title>Lỗi:"));
  // Every field in the summary, linked to its input, and beside it.
  for (const char* id : {"code", "name", "field", "limit_amount", "cutoff", "documents[0]-name", "documents[0]-count",
                         "steps[0]-hours"}) {
    EXPECT_TRUE(Has(empty, std::string("href=\"#") + id + "\"")) << id << "\n" << empty.body;
    EXPECT_TRUE(Has(empty, std::string("id=\"") + id + "-error\"")) << id;
    EXPECT_TRUE(Has(empty, std::string("id=\"") + id + "\"")) << id;
  }
  EXPECT_TRUE(Has(empty, "Hãy nhập tên giấy tờ thứ 1.")) << "the message names the row";
  EXPECT_TRUE(Has(empty, "Hãy nhập mã thủ tục."));
  // The rows kept, without the empty ones: the document row typed second is now the second.
  EXPECT_TRUE(Has(empty, "name=\"documents[1].name\" maxlength=\"300\" value=\"Tờ khai\""));
  EXPECT_TRUE(Has(empty, "name=\"steps[0].name\" maxlength=\"200\" value=\"Thẩm định\""));

  // More rows, without saving.
  auto more = Post(admin, "/desk/procedures/new", {{"document_rows", "3"}, {"more", "documents"}});
  EXPECT_EQ(more.status, 200);
  EXPECT_TRUE(Has(more, "name=\"documents[5].name\""));
  EXPECT_FALSE(Has(more, "name=\"documents[6].name\""));
  EXPECT_FALSE(Has(more, "error-summary"));

  auto created = Post(admin, "/desk/procedures/new", Form("T.100", "Đăng ký thử nghiệm biểu mẫu"));
  ASSERT_EQ(created.status, 303) << created.body;
  const int64_t id = IdFrom(created);
  ASSERT_GT(id, 0);
  auto page = Get(admin, "/desk/procedures/" + std::to_string(id) + "?done=created");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "Đã thêm thủ tục Đăng ký thử nghiệm biểu mẫu."));
  EXPECT_TRUE(Has(page, "Căn cước"));
  EXPECT_TRUE(Has(page, "Bản sao"));
  EXPECT_TRUE(Has(page, "5 ngày làm việc"));
  EXPECT_TRUE(Has(page, "1 ngày làm việc"));  // the step's 8 hours
  EXPECT_TRUE(Has(page, "01/07/2025"));
  EXPECT_TRUE(Has(page, "Trực tuyến một phần"));
  EXPECT_TRUE(Has(page, "Luật Hộ tịch 2014\nNghị định"));
  // Through the API: two documents, the step in hours.
  auto api = Request(port(), "GET", "/api/v1/procedures/" + std::to_string(id));
  auto j = boost::json::parse(api.body);
  EXPECT_EQ(j.at("documents").as_array().size(), 2u);
  EXPECT_EQ(j.at("steps").at(0).at("hours").as_int64(), 8);
}

TEST_F(DeskProceduresPages, EditingMakesAVersionAndAStaleEditConflicts) {
  auto admin = Login(port(), "admin", "demo");
  const int64_t id = IdFrom(Post(admin, "/desk/procedures/new", Form("T.200", "Thủ tục trước khi sửa")));
  ASSERT_GT(id, 0);
  const std::string base = "/desk/procedures/" + std::to_string(id);
  auto form = Get(admin, base + "/edit");
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(InputValue(form.body, "version"), "1");
  EXPECT_TRUE(Has(form, "Lưu sẽ tạo phiên bản 2"));

  auto fields = Form("T.200", "Thủ tục sau khi sửa");
  fields.emplace_back("version", "1");
  auto saved = Post(admin, base + "/edit", fields);
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto page = Get(admin, base + "?done=saved");
  EXPECT_TRUE(Has(page, "Đã lưu phiên bản 2 của thủ tục Thủ tục sau khi sửa."));
  EXPECT_TRUE(Has(page, "href=\"" + base + "?version=1\""));
  auto old = Get(admin, base + "?version=1");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(Has(old, "phiên bản cũ"));
  EXPECT_TRUE(Has(old, "Thủ tục trước khi sửa"));
  EXPECT_FALSE(Has(old, "Sửa thủ tục</a>")) << "no edit button on an old version";
  EXPECT_EQ(Get(admin, base + "?version=9").status, 404);

  // Someone who opened the form at version 1 saves after that: nothing is written.
  auto stale_fields = Form("T.200", "Sửa của người đến sau");
  stale_fields.emplace_back("version", "1");
  auto stale = Post(admin, base + "/edit", stale_fields);
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_TRUE(Has(stale, "đã lưu phiên bản 2 của thủ tục này")) << stale.body;
  EXPECT_TRUE(Has(stale, "Nguyễn Văn Quản"));
  EXPECT_EQ(InputValue(stale.body, "version"), "2") << "the form now holds the current version";
  EXPECT_EQ(InputValue(stale.body, "name"), "Thủ tục sau khi sửa");
  EXPECT_TRUE(Has(stale, "<li>Tên thủ tục</li>")) << "what this person had changed";
  auto api = boost::json::parse(Request(port(), "GET", "/api/v1/procedures/" + std::to_string(id)).body);
  EXPECT_EQ(api.at("version").as_int64(), 2);
  EXPECT_EQ(api.at("name").as_string(), "Thủ tục sau khi sửa");
}

TEST_F(DeskProceduresPages, OnlyAdministratorsEditAndLeadersRegisterSameDay) {
  auto admin = Login(port(), "admin", "demo");
  auto desk = Login(port(), "desk", "demo");
  auto leader = Login(port(), "leader", "demo");
  const int64_t id = IdFrom(Post(admin, "/desk/procedures/new", Form("T.300", "Thủ tục đăng ký trong ngày")));
  ASSERT_GT(id, 0);
  const std::string base = "/desk/procedures/" + std::to_string(id);

  auto seen = Get(desk, base);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(Has(seen, base + "/edit"));
  EXPECT_FALSE(Has(seen, base + "/same-day"));
  EXPECT_FALSE(Has(seen, base + "/active"));
  EXPECT_EQ(Get(desk, base + "/edit").status, 403);
  auto fields = Form("T.300", "Sửa trái phép");
  fields.emplace_back("version", "1");
  EXPECT_EQ(Post(desk, base + "/edit", fields).status, 403);
  EXPECT_EQ(Get(desk, "/desk/procedures/new").status, 403);
  EXPECT_EQ(Get(desk, base + "/same-day").status, 403);
  EXPECT_EQ(Get(desk, base + "/active").status, 403);
  EXPECT_EQ(Get(desk, "/desk/procedures/import").status, 403);

  // The ward's leader: no edit, but same-day registration for the ward.
  auto lead = Get(leader, base);
  EXPECT_FALSE(Has(lead, base + "/edit"));
  EXPECT_TRUE(Has(lead, base + "/same-day"));
  auto form = Get(leader, base + "/same-day");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "<option value=\"25270\""));
  EXPECT_FALSE(Has(form, "<option value=\"26100\"")) << "another ward the leader does not cover";
  auto on = Post(leader, base + "/same-day", {{"unit_code", "25270"}, {"on", "1"}});
  ASSERT_EQ(on.status, 303) << on.body;
  auto page = Get(leader, on.headers["location"]);
  EXPECT_TRUE(Has(page, "Đã đăng ký giải quyết trong ngày thủ tục Thủ tục đăng ký trong ngày tại Phường Chơn Thành."));
  EXPECT_TRUE(Has(page, "Phường Chơn Thành <small>(25270)</small>"));
  // The list at the ward marks it; at another ward it is not marked.
  auto list = Get(desk, "/desk/procedures?q=dang+ky+trong+ngay&unit=25270");
  EXPECT_TRUE(Has(list, "Trong ngày tại đơn vị")) << list.body;
  EXPECT_FALSE(Has(Get(admin, "/desk/procedures?q=dang+ky+trong+ngay&unit=26100"), "Trong ngày tại đơn vị"));
  EXPECT_EQ(Post(leader, base + "/same-day", {{"unit_code", "26100"}, {"on", "1"}}).status, 403);
  auto off = Post(leader, base + "/same-day", {{"unit_code", "25270"}, {"on", "0"}});
  EXPECT_EQ(off.status, 303);
  EXPECT_TRUE(Has(Get(leader, base), "Chưa có đơn vị nào đăng ký."));
}

TEST_F(DeskProceduresPages, DeactivatingAsksFirst) {
  auto admin = Login(port(), "admin", "demo");
  auto desk = Login(port(), "desk", "demo");
  const int64_t id = IdFrom(Post(admin, "/desk/procedures/new", Form("T.400", "Thủ tục sẽ ngừng")));
  const std::string base = "/desk/procedures/" + std::to_string(id);
  auto ask = Get(admin, base + "/active?set=off");
  ASSERT_EQ(ask.status, 200);
  EXPECT_TRUE(Has(ask, "Ngừng áp dụng thủ tục Thủ tục sẽ ngừng?"));
  EXPECT_TRUE(Has(ask, "action=\"" + base + "/active?set=off\""));
  auto done = Post(admin, base + "/active?set=off", {{"confirm", "1"}});
  ASSERT_EQ(done.status, 303);
  EXPECT_TRUE(Has(Get(admin, base + "?done=deactivated"), "Đã ngừng áp dụng thủ tục Thủ tục sẽ ngừng"));
  EXPECT_EQ(Get(desk, base).status, 404) << "an inactive procedure of the province is not the ward's to see";
  EXPECT_TRUE(Has(Get(admin, "/desk/procedures?q=se+ngung"), "badge off"));
  EXPECT_EQ(Post(admin, base + "/active?set=on", {}).status, 303);
  EXPECT_EQ(Get(desk, base).status, 200);
}

TEST_F(DeskProceduresPages, SearchIgnoresDiacriticsOnThePage) {
  auto desk = Login(port(), "desk", "demo");
  auto r = Get(desk, "/desk/procedures?q=HO+TICH&unit=25270");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Has(r, "Đăng ký khai sinh"));
  EXPECT_TRUE(Has(r, "Cấp giấy xác nhận tình trạng hôn nhân"));
  EXPECT_FALSE(Has(r, "Chứng thực di chúc"));
  auto d = Get(desk, "/desk/procedures?q=dang+ky+khai+tu");
  EXPECT_TRUE(Has(d, "Đăng ký khai tử")) << "d finds đ";
  EXPECT_TRUE(Has(d, "Có 1 thủ tục"));
  auto none = Get(desk, "/desk/procedures?q=khong+co+thu+tuc+nay");
  EXPECT_TRUE(Has(none, "Không có thủ tục nào phù hợp"));
  auto bad = Get(desk, "/desk/procedures?unit=NOPE");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "href=\"#unit\""));
}

TEST_F(DeskProceduresPages, ExportThenImportChangesNothing) {
  auto admin = Login(port(), "admin", "demo");
  auto csv = Get(admin, "/desk/procedures.csv?unit=75");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_NE(csv.body.find("\r\n"), std::string::npos);
  EXPECT_NE(csv.body.find("\"1.001193\",\"Đăng ký khai sinh\""), std::string::npos);
  auto preview = PostMultipart(admin, "/desk/procedures/import", {{"action", "preview"}, {"csv", ""}}, csv.body);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_TRUE(Has(preview, "Thêm mới 0, cập nhật 0"));
  EXPECT_TRUE(Has(preview, "danh mục đã giống hệt tệp"));
  EXPECT_FALSE(Has(preview, "name=\"digest\""));
  // The same through the API.
  auto dry = Request(port(), "POST", "/api/v1/procedures/import?dry_run=true", csv.body,
                     {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "text/csv"}});
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto j = boost::json::parse(dry.body);
  EXPECT_EQ(j.at("created").as_int64(), 0);
  EXPECT_EQ(j.at("updated").as_int64(), 0);
  EXPECT_GE(j.at("unchanged").as_int64(), 22);
  // Written back as it was: still nothing changes, and the export is the same.
  auto write = Request(port(), "POST", "/api/v1/procedures/import", csv.body,
                       {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "text/csv"}});
  EXPECT_EQ(write.status, 200);
  EXPECT_EQ(Get(admin, "/desk/procedures.csv?unit=75").body, csv.body);
}

TEST_F(DeskProceduresPages, ThreeBadRowsAreAllReportedAndNothingIsWritten) {
  auto admin = Login(port(), "admin", "demo");
  const std::string csv =
      "unit_code,code,name,field,limit_unit,limit_amount,documents\n"
      "75,B.1,,Thử,days,3,\n"
      "75,B.2,Thủ tục B2,Thử,weeks,3,\n"
      "75,B.3,Thủ tục B3,Thử,days,3,Tờ khai|photo|1\n"
      "75,B.4,Thủ tục B4 đúng,Thử,days,3,\n";
  auto r = Post(admin, "/desk/procedures/import", {{"csv", csv}, {"action", "confirm"}, {"digest", "x"}});
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(Has(r, "Tệp có 3 lỗi"));
  EXPECT_TRUE(Has(r, "href=\"#problems\""));
  for (const char* s : {"<td>Dòng 2</td><td data-label=\"Cột\"><code>name</code>",
                        "<td>Dòng 3</td><td data-label=\"Cột\"><code>limit_unit</code>",
                        "<td>Dòng 4</td><td data-label=\"Cột\"><code>documents</code>"})
    EXPECT_TRUE(Has(r, s)) << s;
  EXPECT_TRUE(Has(r, "Giấy tờ thứ 1: Loại giấy tờ phải là original"));
  // The pasted text is shown again, line breaks kept, to be corrected.
  EXPECT_TRUE(Has(r, "75,B.1,,Thử,days,3,\n75,B.2"));
  auto search = Get(admin, "/desk/procedures?q=B4+dung&unit=");
  EXPECT_TRUE(Has(search, "Không có thủ tục nào phù hợp")) << "the good row was not written";
}

TEST_F(DeskProceduresPages, PreviewThenConfirmWritesWhatWasPreviewed) {
  auto admin = Login(port(), "admin", "demo");
  const std::string csv =
      "unit_code,code,name,field,limit_unit,limit_amount,documents\n"
      "25270,P.1,Thủ tục nhập từ tệp,Thử,hours,4,Tờ khai|bản chính|1; Căn cước|bản sao|1\n";
  auto preview = Post(admin, "/desk/procedures/import", {{"csv", csv}, {"action", "preview"}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_TRUE(Has(preview, "Thêm mới 1, cập nhật 0"));
  const std::string digest = InputValue(preview.body, "digest");
  ASSERT_FALSE(digest.empty());
  // Confirming other content only previews it again.
  auto other = Post(admin, "/desk/procedures/import",
                    {{"csv", csv + "25270,P.2,Khác,Thử,days,1,\n"}, {"action", "confirm"}, {"digest", digest}});
  EXPECT_EQ(other.status, 200);
  EXPECT_TRUE(Has(other, "Nội dung tệp đã khác với lần xem trước"));
  // A browser sends the textarea back with CRLF line breaks: still the same content.
  std::string crlf = csv;
  for (size_t at = 0; (at = crlf.find('\n', at)) != std::string::npos; at += 2) crlf.replace(at, 1, "\r\n");
  auto done = Post(admin, "/desk/procedures/import", {{"csv", crlf}, {"action", "confirm"}, {"digest", digest}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.headers["location"], "/desk/procedures?done=imported&created=1&updated=0");
  auto list = Get(admin, done.headers["location"] + "&q=nhap+tu+tep&unit=25270");
  EXPECT_TRUE(Has(list, "Đã nhập danh mục: thêm 1, cập nhật 0 thủ tục."));
  EXPECT_TRUE(Has(list, "Thủ tục nhập từ tệp"));
  EXPECT_TRUE(Has(list, "4 giờ làm việc"));
  EXPECT_FALSE(Has(Get(admin, "/desk/procedures?q=nhap+tu+tep&unit=26100"), "Thủ tục nhập từ tệp"))
      << "the ward's catalogue does not apply at another ward";
}

TEST_F(DeskProceduresPages, TheAgencyCodeSetting) {
  auto admin = Login(port(), "admin", "demo");
  auto desk = Login(port(), "desk", "demo");
  auto mine = Get(desk, "/desk/settings");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(Has(mine, "000.27.01.H75"));
  EXPECT_FALSE(Has(mine, "name=\"agency_code\"")) << "read-only for a desk officer";
  EXPECT_EQ(Post(desk, "/desk/settings?unit=25270", {{"agency_code", "000.27.01.H99"}}).status, 403);

  auto bad = Post(admin, "/desk/settings?unit=25300", {{"agency_code", "000..27"}});
  ASSERT_EQ(bad.status, 400);
  EXPECT_TRUE(Has(bad, "href=\"#agency_code\""));
  EXPECT_TRUE(Has(bad, "id=\"agency_code-error\""));
  EXPECT_EQ(InputValue(bad.body, "agency_code"), "000..27");
  auto ok = Post(admin, "/desk/settings?unit=25300", {{"agency_code", "000.27.02.H75"}});
  ASSERT_EQ(ok.status, 303);
  auto page = Get(admin, ok.headers["location"]);
  EXPECT_TRUE(Has(page, "Đã lưu mã định danh cơ quan của Xã Nha Bích."));
  const std::string day = FormatIsoDate(ToLocal(Now()).date);
  EXPECT_TRUE(Has(page, "000.27.02.H75-" + day.substr(2, 2) + day.substr(5, 2) + day.substr(8, 2) + "-0001"))
      << page.body;
  EXPECT_EQ(Get(desk, "/desk/settings?unit=26100").status, 403) << "a ward the desk officer does not work on";
}

}  // namespace
}  // namespace fg::testing
