{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Kết quả đánh giá hồ sơ</h1>
  <p class="lead">Điểm trung bình từng tiêu chí và số hồ sơ theo xếp loại, của đơn vị và các đơn vị trực thuộc. Số liệu được cộng ngay khi có đánh giá.</p>
  <p><a href="/surveys/campaigns">Đợt khảo sát sự hài lòng của người dân (SIPAS)</a></p>
  <form method="get" action="/surveys/evaluations" class="stats-filters" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Mã đơn vị</label>
      <p class="hint" id="unit-hint">Để trống: đơn vị của ông/bà.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <input id="unit" name="unit" maxlength="40" value="{{UNIT}}" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>
    </div>
    <div class="field{{#TU_THANG_INVALID}} field-invalid{{/TU_THANG_INVALID}}">
      <label for="tu_thang">Từ tháng</label>
      <p class="hint" id="tu_thang-hint">Tháng/năm, ví dụ 01/2026.</p>
      {{#TU_THANG_INVALID}}<p class="field-error" id="tu_thang-error"><span class="visually-hidden">Lỗi: </span>{{TU_THANG_ERROR}}</p>{{/TU_THANG_INVALID}}
      <input id="tu_thang" name="tu_thang" maxlength="7" size="7" inputmode="numeric" value="{{TU_THANG}}" aria-describedby="tu_thang-hint{{#TU_THANG_INVALID}} tu_thang-error{{/TU_THANG_INVALID}}"{{#TU_THANG_INVALID}} aria-invalid="true"{{/TU_THANG_INVALID}}>
    </div>
    <div class="field{{#DEN_THANG_INVALID}} field-invalid{{/DEN_THANG_INVALID}}">
      <label for="den_thang">Đến tháng</label>
      <p class="hint" id="den_thang-hint">Tháng/năm, ví dụ 12/2026.</p>
      {{#DEN_THANG_INVALID}}<p class="field-error" id="den_thang-error"><span class="visually-hidden">Lỗi: </span>{{DEN_THANG_ERROR}}</p>{{/DEN_THANG_INVALID}}
      <input id="den_thang" name="den_thang" maxlength="7" size="7" inputmode="numeric" value="{{DEN_THANG}}" aria-describedby="den_thang-hint{{#DEN_THANG_INVALID}} den_thang-error{{/DEN_THANG_INVALID}}"{{#DEN_THANG_INVALID}} aria-invalid="true"{{/DEN_THANG_INVALID}}>
    </div>
    <div class="field{{#BY_INVALID}} field-invalid{{/BY_INVALID}}">
      <label for="by">Theo</label>
      {{#BY_INVALID}}<p class="field-error" id="by-error"><span class="visually-hidden">Lỗi: </span>{{BY_ERROR}}</p>{{/BY_INVALID}}
      <select id="by" name="by">{{#BY}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/BY}}</select>
    </div>
    <div class="field{{#SOURCE_INVALID}} field-invalid{{/SOURCE_INVALID}}">
      <label for="source">Người đánh giá</label>
      {{#SOURCE_INVALID}}<p class="field-error" id="source-error"><span class="visually-hidden">Lỗi: </span>{{SOURCE_ERROR}}</p>{{/SOURCE_INVALID}}
      <select id="source" name="source">{{#SOURCE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SOURCE}}</select>
    </div>
    <button type="submit">Xem kết quả</button>
  </form>
  {{#RESULT}}
  <h2 id="report-heading">{{UNIT_NAME}}, tháng {{FROM}} đến tháng {{TO}}</h2>
  <p>Bộ tiêu chí: {{SET_NAME}}.</p>
  <figure class="chart-figure">{{CHART:none}}</figure>
  {{#EMPTY}}<p id="report-empty">Chưa có đánh giá nào trong thời gian này.</p>{{/EMPTY}}
  <div class="table-wrap" role="region" aria-labelledby="report-caption" tabindex="0"><table class="stack" id="report-table">
    <caption id="report-caption">Điểm trung bình từng tiêu chí (tối đa 2 điểm) và số hồ sơ theo xếp loại</caption>
    <thead><tr><th scope="col">{{GROUP_HEADER}}</th><th scope="col" class="num">Số đánh giá</th>{{#CRITERION_HEAD}}<th scope="col" class="num"><abbr title="{{LABEL}}">TC {{N}}</abbr></th>{{/CRITERION_HEAD}}{{#GRADE_HEAD}}<th scope="col" class="num">{{LABEL}}</th>{{/GRADE_HEAD}}</tr></thead>
    <tbody>{{#LINE}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số đánh giá">{{N}}</td>{{#AVG}}<td class="num">{{VALUE}}</td>{{/AVG}}{{#GRADE_N}}<td class="num">{{VALUE}}</td>{{/GRADE_N}}</tr>{{/LINE}}</tbody>
    <tfoot>{{#TOTAL}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số đánh giá" id="report-total">{{N}}</td>{{#AVG}}<td class="num">{{VALUE}}</td>{{/AVG}}{{#GRADE_N}}<td class="num">{{VALUE}}</td>{{/GRADE_N}}</tr>{{/TOTAL}}</tfoot>
  </table></div>
  <ol class="hint">{{#CRITERION_HEAD}}<li>TC {{N}}: {{LABEL}}</li>{{/CRITERION_HEAD}}</ol>
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a> <a class="button secondary" href="{{CSV_URL}}" download>Tải tệp CSV</a></p>
  {{/RESULT}}
</section>
