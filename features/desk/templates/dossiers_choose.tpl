{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/desk">← Bộ phận một cửa</a></p>
  <h1>Tiếp nhận hồ sơ</h1>
  <p class="lead">Bước 1 trên 2: chọn thủ tục hành chính người nộp yêu cầu giải quyết.</p>
  <form method="get" action="/desk/intake" class="search" role="search" novalidate>
    {{#ONE_UNIT}}<p>Đơn vị tiếp nhận: <strong>{{UNIT_NAME}}</strong></p>
    <input type="hidden" name="unit" value="{{UNIT_CODE}}">{{/ONE_UNIT}}
    {{#MANY_UNITS}}<div class="field">
      <label for="unit">Đơn vị tiếp nhận</label>
      <select id="unit" name="unit">{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>{{/MANY_UNITS}}
    <div class="field{{#Q_INVALID}} field-invalid{{/Q_INVALID}}">
      <label for="q">Tên hoặc mã thủ tục</label>
      <p class="hint" id="q-hint">Gõ có dấu hoặc không dấu, ví dụ: khai sinh hoặc 1.001193. Để trống để xem cả danh mục.</p>
      {{#Q_INVALID}}<p class="field-error" id="q-error"><span class="visually-hidden">Lỗi: </span>{{Q_ERROR}}</p>{{/Q_INVALID}}
      <input id="q" name="q" type="search" maxlength="200" value="{{Q}}" autocomplete="off" aria-describedby="q-hint{{#Q_INVALID}} q-error{{/Q_INVALID}}"{{#Q_INVALID}} aria-invalid="true"{{/Q_INVALID}}>
    </div>
    <button type="submit">Tìm thủ tục</button>
  </form>
  {{#HAS_RESULTS}}<h2 id="results-heading">{{#SEARCHED}}Thủ tục tìm được{{/SEARCHED}}{{#NOT_SEARCHED}}Danh mục thủ tục{{/NOT_SEARCHED}}</h2>
  <ul class="results" aria-labelledby="results-heading">{{#PROCEDURE}}<li><a href="{{URL}}">{{NAME}}</a> <span class="code">mã {{CODE}}</span>
    <span class="where">{{FIELD}} · Thời hạn giải quyết: {{LIMIT}}</span></li>{{/PROCEDURE}}</ul>{{/HAS_RESULTS}}
  {{#NO_RESULTS}}<p id="no-results">Không có thủ tục nào phù hợp đang áp dụng tại đơn vị. Hãy thử từ khóa khác.</p>{{/NO_RESULTS}}
</section>
