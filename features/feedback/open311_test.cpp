// Open311 GeoReport v2 documents: formats by extension, errors, a request
// without personal data and with the legal deadline, services and discovery.
#include "features/feedback/open311.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace fg::feedback::open311 {
namespace {

namespace json = boost::json;

Item Sample() {
  Item i;
  i.code = "GY-C1-2026-0001";
  i.kind = Kind::kFeedback;
  i.category = "infrastructure";
  i.state = State::kInProgress;
  i.title = "Đèn hỏng, gọi Trần Thị Bình 0912 345 678";
  i.content = "Nội dung có số 0912 345 678";
  i.person = {"Trần Thị Bình", "0912 345 678", "binh@example.vn", "số 5 ấp 3"};
  i.unit_name = "Xã Một";
  i.received_at = "2026-03-09T02:00:00Z";
  i.updated_at = "2026-03-10T02:00:00Z";
  i.due_at = "2026-03-23T02:00:00Z";
  return i;
}

TEST(Open311, FormatFromTheExtension) {
  EXPECT_EQ(SplitFormat("requests.json"), std::make_pair(std::string("requests"), Format::kJson));
  EXPECT_EQ(SplitFormat("GY-C1-2026-0001.xml"), std::make_pair(std::string("GY-C1-2026-0001"), Format::kXml));
  EXPECT_FALSE(SplitFormat("requests.csv"));
  EXPECT_FALSE(SplitFormat("requests"));
  EXPECT_FALSE(SplitFormat(".json"));
  EXPECT_EQ(ContentType(Format::kXml), "text/xml; charset=utf-8");
}

TEST(Open311, ErrorsDocument) {
  EXPECT_EQ(Errors(Format::kJson, 400, "Sai <tham số>"), R"([{"code":400,"description":"Sai <tham số>"}])");
  EXPECT_EQ(Errors(Format::kXml, 404, "A & <b>"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code>"
            "<description>A &amp; &lt;b&gt;</description></error></errors>");
}

TEST(Open311, RequestCarriesTheLegalDeadlineAndNoPersonalData) {
  const Record r = RequestOf(Sample(), "Đường sá, điện, nước", "[ẩn]");
  const std::string j = List(Format::kJson, "service_requests", "request", {r});
  const auto a = json::parse(j).as_array();
  ASSERT_EQ(a.size(), 1u);
  const auto& o = a[0].as_object();
  EXPECT_EQ(o.at("service_request_id").as_string(), "GY-C1-2026-0001");
  EXPECT_EQ(o.at("status").as_string(), "open");
  EXPECT_TRUE(o.at("status_notes").is_null());
  EXPECT_EQ(o.at("service_code").as_string(), "infrastructure");
  EXPECT_EQ(o.at("description").as_string(), "Đèn hỏng, gọi [ẩn] [ẩn]");
  EXPECT_EQ(o.at("requested_datetime").as_string(), "2026-03-09T09:00:00+07:00");
  EXPECT_EQ(o.at("expected_datetime").as_string(), "2026-03-23T09:00:00+07:00");
  EXPECT_TRUE(o.at("lat").is_null());
  for (const char* personal : {"0912", "Bình", "binh@", "ấp 3"})
    EXPECT_EQ(j.find(personal), std::string::npos) << personal;
  const std::string x = List(Format::kXml, "service_requests", "request", {r});
  EXPECT_NE(x.find("<service_requests><request><service_request_id>GY-C1-2026-0001</service_request_id><status>open"
                   "</status><status_notes/>"),
            std::string::npos)
      << x;
  EXPECT_NE(x.find("<expected_datetime>2026-03-23T09:00:00+07:00</expected_datetime>"), std::string::npos);
  for (const char* personal : {"0912", "Bình", "binh@", "ấp 3"})
    EXPECT_EQ(x.find(personal), std::string::npos) << personal;
  // Answered and published: closed, with the published answer as the notes.
  Item answered = Sample();
  answered.state = State::kAnswered;
  answered.published = true;
  answered.published_answer = "Đã sửa.";
  const auto o2 = json::parse(List(Format::kJson, "r", "r", {RequestOf(answered, "x", "*")})).as_array()[0].as_object();
  EXPECT_EQ(o2.at("status").as_string(), "closed");
  EXPECT_EQ(o2.at("status_notes").as_string(), "Đã sửa.");
}

TEST(Open311, ServicesDefinitionAndDiscovery) {
  const auto s = json::parse(Services(Format::kJson, {{"land", "Đất đai", "Mô tả"}})).as_array();
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].at("service_code").as_string(), "land");
  EXPECT_EQ(s[0].at("metadata").as_bool(), true);
  EXPECT_EQ(s[0].at("type").as_string(), "realtime");
  EXPECT_NE(Services(Format::kXml, {{"land", "Đất đai", "Mô tả"}})
                .find("<services><service><service_code>land</service_code><service_name>Đất đai</service_name>"),
            std::string::npos);
  const auto d = json::parse(Definition(Format::kJson, "land", "Loại", {{"complaint", "Khiếu nại"}})).as_object();
  EXPECT_EQ(d.at("service_code").as_string(), "land");
  const auto& attr = d.at("attributes").as_array()[0].as_object();
  EXPECT_EQ(attr.at("code").as_string(), "kind");
  EXPECT_EQ(attr.at("datatype").as_string(), "singlevaluelist");
  EXPECT_EQ(attr.at("values").as_array()[0].at("key").as_string(), "complaint");
  EXPECT_NE(Definition(Format::kXml, "land", "Loại", {{"complaint", "Khiếu nại"}})
                .find("<values><value><key>complaint</key><name>Khiếu nại</name></value></values>"),
            std::string::npos);
  const auto disc = json::parse(Discovery(Format::kJson, "https://x.vn/open311/v2", "c", "a@x.vn")).as_object();
  const auto& ep = disc.at("endpoints").as_array()[0].as_object();
  EXPECT_EQ(ep.at("specification").as_string(), "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(ep.at("url").as_string(), "https://x.vn/open311/v2");
  EXPECT_EQ(ep.at("formats").as_array().size(), 2u);
  EXPECT_NE(Discovery(Format::kXml, "u", "c", "a").find("<discovery><changeset>c</changeset>"), std::string::npos);
}

}  // namespace
}  // namespace fg::feedback::open311
