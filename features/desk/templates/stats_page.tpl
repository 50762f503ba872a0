{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thống kê hồ sơ</h1>
  <p class="lead">Số hồ sơ tiếp nhận, giải quyết trước hạn, đúng hạn, quá hạn và đang giải quyết của một đơn vị, tính cả các đơn vị trực thuộc.</p>
  <form method="get" action="/desk/stats" class="stats-filters" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      <p class="hint" id="unit-hint">Gồm cả các đơn vị trực thuộc.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{INDENT}}{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <div class="field{{#PROCEDURE_INVALID}} field-invalid{{/PROCEDURE_INVALID}}">
      <label for="procedure">Thủ tục</label>
      {{#PROCEDURE_INVALID}}<p class="field-error" id="procedure-error"><span class="visually-hidden">Lỗi: </span>{{PROCEDURE_ERROR}}</p>{{/PROCEDURE_INVALID}}
      <select id="procedure" name="procedure"{{#PROCEDURE_INVALID}} aria-invalid="true" aria-describedby="procedure-error"{{/PROCEDURE_INVALID}}><option value="">Tất cả thủ tục</option>{{#PROCEDURE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}} ({{CODE}})</option>{{/PROCEDURE_OPTION}}</select>
    </div>
    <div class="field{{#OFFICIAL_INVALID}} field-invalid{{/OFFICIAL_INVALID}}">
      <label for="official">Cán bộ</label>
      <p class="hint" id="official-hint">Người đã tiếp nhận, giải quyết hoặc trả kết quả; với hồ sơ đang giải quyết, người đang giữ hồ sơ.</p>
      {{#OFFICIAL_INVALID}}<p class="field-error" id="official-error"><span class="visually-hidden">Lỗi: </span>{{OFFICIAL_ERROR}}</p>{{/OFFICIAL_INVALID}}
      <select id="official" name="official" aria-describedby="official-hint{{#OFFICIAL_INVALID}} official-error{{/OFFICIAL_INVALID}}"{{#OFFICIAL_INVALID}} aria-invalid="true"{{/OFFICIAL_INVALID}}><option value="">Tất cả cán bộ</option>{{#OFFICIAL_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/OFFICIAL_OPTION}}</select>
    </div>
    <div class="field{{#BY_INVALID}} field-invalid{{/BY_INVALID}}">
      <label for="by">Nhóm số liệu</label>
      {{#BY_INVALID}}<p class="field-error" id="by-error"><span class="visually-hidden">Lỗi: </span>{{BY_ERROR}}</p>{{/BY_INVALID}}
      <select id="by" name="by"{{#BY_INVALID}} aria-invalid="true" aria-describedby="by-error"{{/BY_INVALID}}>{{#BY_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/BY_OPTION}}</select>
    </div>
    <button type="submit">Xem thống kê</button>
  </form>
  {{#HAS_REPORT}}
  <h2 id="report-heading">{{HEADING}}</h2>
  <ul class="stats">
    <li><span class="num" id="total-received">{{TOTAL_RECEIVED}}</span> hồ sơ tiếp nhận</li>
    <li><span class="num" id="total-resolved">{{TOTAL_RESOLVED}}</span> hồ sơ đã giải quyết</li>
    <li><span class="num" id="total-rate">{{TOTAL_RATE}}</span> giải quyết trước hạn và đúng hạn</li>
    <li><span class="num" id="total-open">{{TOTAL_OPEN}}</span> đang giải quyết, trong đó <strong>{{TOTAL_OVERDUE}}</strong> đã quá hạn</li>
  </ul>
  <p class="hint">Tỉ lệ đúng hạn: số hồ sơ giải quyết trước hạn và đúng hạn chia cho số hồ sơ đã giải quyết trong thời gian đã chọn (không tính hồ sơ bị từ chối, rút, dừng, và hồ sơ còn đang giải quyết). Thời gian giải quyết tính theo giờ làm việc, từ lúc bắt đầu tính hạn đến khi có kết quả, không tính thời gian chờ bổ sung hoặc nộp phí. Hồ sơ đang giải quyết tính đến {{AS_OF}}, không phụ thuộc thời gian đã chọn.</p>
  <figure class="chart-figure">
    {{CHART:none}}
  </figure>
  <div class="table-wrap" role="region" aria-labelledby="stats-caption" tabindex="0">
  <table class="stack stats-table">
    <caption id="stats-caption">Bảng số liệu theo {{GROUP_WORD}}</caption>
    <thead><tr><th scope="col">{{GROUP_HEADER}}</th>{{#COLUMN}}<th scope="col" class="num">{{NAME}}</th>{{/COLUMN}}</tr></thead>
    <tbody>{{#LINE}}<tr>
      <th scope="row">{{#HAS_LINK}}<a href="{{LINK}}">{{LABEL}}</a>{{/HAS_LINK}}{{#NO_LINK}}{{LABEL}}{{/NO_LINK}}{{#HAS_CODE}} <small>{{CODE}}</small>{{/HAS_CODE}}</th>
      {{#CELL}}<td class="num" data-label="{{NAME}}">{{VALUE}}</td>{{/CELL}}
    </tr>{{/LINE}}</tbody>
    <tfoot><tr><th scope="row">Tổng cộng</th>{{#TOTAL_CELL}}<td class="num" data-label="{{NAME}}">{{VALUE}}</td>{{/TOTAL_CELL}}</tr></tfoot>
  </table>
  </div>
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a></p>
  {{/HAS_REPORT}}
</section>
