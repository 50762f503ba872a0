{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thống kê phản ánh, kiến nghị</h1>
  <p class="lead">Số góp ý, phản ánh, kiến nghị, khiếu nại, tố cáo tiếp nhận trong thời gian đã chọn ở một đơn vị (gồm cả các đơn vị trực thuộc): theo loại, kênh tiếp nhận, lĩnh vực và đơn vị; số đã trả lời đúng hạn, trễ hạn; thời gian xử lý; số bị mở lại; mức hài lòng của người gửi.</p>
  <form method="get" action="/feedback/thong-ke" class="stats-filters" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      <p class="hint" id="unit-hint">Gồm cả các đơn vị trực thuộc.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <button type="submit">Xem thống kê</button>
  </form>
  {{#HAS_REPORT}}
  <h2 id="report-heading">{{HEADING}}</h2>
  <ul class="stats">
    <li><span class="num" id="total-received">{{TOTAL_RECEIVED}}</span> góp ý tiếp nhận</li>
    <li><span class="num" id="total-answered">{{TOTAL_ANSWERED}}</span> đã trả lời</li>
    <li><span class="num" id="total-on-time">{{TOTAL_ON_TIME_RATE}}</span> trả lời đúng hạn</li>
    <li><span class="num" id="total-days">{{TOTAL_DAYS}}</span> ngày xử lý trung bình</li>
    <li><span class="num" id="total-reopened">{{TOTAL_REOPENED}}</span> câu trả lời bị người gửi mở lại</li>
    <li><span class="num" id="total-satisfied">{{TOTAL_SATISFIED}}</span> người gửi hài lòng với câu trả lời</li>
  </ul>
  <p class="hint">Tính các góp ý tiếp nhận trong thời gian đã chọn, không tính góp ý trùng đã gộp; các bảng bỏ qua kênh và lĩnh vực không có góp ý (tệp Excel có đủ). Đúng hạn: câu trả lời được duyệt gần nhất không quá thời hạn luật định (không tính tố cáo nặc danh, không có thời hạn). Thời gian xử lý: số ngày (cả ngày nghỉ) từ lúc tiếp nhận đến câu trả lời được duyệt gần nhất. Mở lại: tỷ lệ trên số đã trả lời. Hài lòng: tỷ lệ trên số lượt người gửi đã đánh giá câu trả lời. Số liệu tính đến {{AS_OF}}.</p>
  {{#GROUP}}
  <div class="table-wrap" role="region" aria-labelledby="{{ID}}-caption" tabindex="0">
  <table class="stack stats-table" id="{{ID}}">
    <caption id="{{ID}}-caption">Theo {{WORD}}</caption>
    <thead><tr><th scope="col">{{HEADER}}</th>{{#COLUMN}}<th scope="col" class="num">{{NAME}}</th>{{/COLUMN}}</tr></thead>
    <tbody>{{#LINE}}<tr>
      <th scope="row">{{LABEL}}{{#HAS_CODE}} <small>{{CODE}}</small>{{/HAS_CODE}}</th>
      {{#CELL}}<td class="num" data-label="{{NAME}}">{{VALUE}}</td>{{/CELL}}
    </tr>{{/LINE}}</tbody>
  </table>
  </div>
  {{/GROUP}}
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a></p>
  {{/HAS_REPORT}}
</section>
