{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thống kê số thư</h1>
  <p class="lead">Số thư đã ký ban hành theo loại, của đơn vị và các đơn vị trực thuộc. Số liệu được cộng ngay khi thư được ký; thư bị hủy được trừ ra.</p>
  <form method="get" action="/thu/thong-ke" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#YEAR_INVALID}} field-invalid{{/YEAR_INVALID}}">
      <label for="year">Năm</label>
      {{#YEAR_INVALID}}<p class="field-error" id="year-error"><span class="visually-hidden">Lỗi: </span>{{YEAR_ERROR}}</p>{{/YEAR_INVALID}}
      <input id="year" name="year" inputmode="numeric" maxlength="4" size="4" value="{{YEAR}}"{{#YEAR_INVALID}} aria-invalid="true" aria-describedby="year-error"{{/YEAR_INVALID}}>
    </div>
    <button type="submit">Xem thống kê</button>
  </form>
  {{#HAS_COUNTS}}<h2>{{HEADING}}</h2>
  <p><strong id="letters-total">{{TOTAL}}</strong> thư đã ký ban hành.</p>
  <figure class="chart-figure">{{CHART:none}}</figure>
  <div class="table-wrap" role="region" aria-labelledby="counts-caption" tabindex="0"><table class="stack">
    <caption id="counts-caption">Số thư theo loại</caption>
    <thead><tr><th scope="col">Loại thư</th><th scope="col" class="num">Số thư</th></tr></thead>
    <tbody>{{#LINE}}<tr><th scope="row">{{TYPE}}</th><td class="num" data-label="Số thư">{{COUNT}}</td></tr>{{/LINE}}</tbody>
    <tfoot><tr><th scope="row">Tổng cộng</th><td class="num" data-label="Số thư">{{TOTAL}}</td></tr></tfoot>
  </table></div>
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a></p>{{/HAS_COUNTS}}
</section>
