{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thống kê số thư</h1>
  <p class="lead">Số thư đã ký ban hành theo loại, của đơn vị và các đơn vị trực thuộc. Số liệu được cộng ngay khi thư được ký; thư bị hủy được trừ ra.</p>
  <form method="get" action="/thu/thong-ke" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <div class="field{{#FROM_INVALID}} field-invalid{{/FROM_INVALID}}">
    <fieldset class="date" aria-describedby="from-hint{{#FROM_INVALID}} from-error{{/FROM_INVALID}}">
      <legend>Từ tháng</legend>
      <p class="hint" id="from-hint">Tháng và năm, ví dụ tháng 01 năm 2026.</p>
      {{#FROM_INVALID}}<p class="field-error" id="from-error"><span class="visually-hidden">Lỗi: </span>{{FROM_ERROR}}</p>{{/FROM_INVALID}}
      <div class="date-parts">
        <div><label for="from">Tháng</label><input class="w2" id="from" name="from_month" inputmode="numeric" maxlength="2" autocomplete="off" value="{{FROM_MONTH}}"{{#FROM_INVALID}} aria-invalid="true"{{/FROM_INVALID}}></div>
        <div><label for="from-year">Năm</label><input class="w4" id="from-year" name="from_year" inputmode="numeric" maxlength="4" autocomplete="off" value="{{FROM_YEAR}}"{{#FROM_INVALID}} aria-invalid="true"{{/FROM_INVALID}}></div>
      </div>
    </fieldset>
    </div>
    <div class="field{{#TO_INVALID}} field-invalid{{/TO_INVALID}}">
    <fieldset class="date" aria-describedby="to-hint{{#TO_INVALID}} to-error{{/TO_INVALID}}">
      <legend>Đến tháng</legend>
      <p class="hint" id="to-hint">Tính cả tháng này.</p>
      {{#TO_INVALID}}<p class="field-error" id="to-error"><span class="visually-hidden">Lỗi: </span>{{TO_ERROR}}</p>{{/TO_INVALID}}
      <div class="date-parts">
        <div><label for="to">Tháng</label><input class="w2" id="to" name="to_month" inputmode="numeric" maxlength="2" autocomplete="off" value="{{TO_MONTH}}"{{#TO_INVALID}} aria-invalid="true"{{/TO_INVALID}}></div>
        <div><label for="to-year">Năm</label><input class="w4" id="to-year" name="to_year" inputmode="numeric" maxlength="4" autocomplete="off" value="{{TO_YEAR}}"{{#TO_INVALID}} aria-invalid="true"{{/TO_INVALID}}></div>
      </div>
    </fieldset>
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
  {{#HAS_MONTHS}}<p id="months-caption">Số thư đã ký ban hành theo tháng (chỉ những tháng có thư).</p>
  <div class="table-wrap" role="region" aria-labelledby="months-caption" tabindex="0"><table class="stack" id="counts-months" aria-labelledby="months-caption">
    <thead><tr><th scope="col">Tháng</th><th scope="col" class="num">Số thư</th></tr></thead>
    <tbody>{{#MONTH}}<tr><th scope="row">{{MONTH}}</th><td class="num" data-label="Số thư">{{COUNT}}</td></tr>{{/MONTH}}</tbody>
  </table></div>{{/HAS_MONTHS}}
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu của thời gian này (tệp Excel)</a></p>{{/HAS_COUNTS}}
</section>
