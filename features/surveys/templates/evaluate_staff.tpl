{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/desk/dossiers/{{CODE:u}}">Quay lại hồ sơ</a></p>
  <h1>Đánh giá hồ sơ <span class="code-text">{{CODE}}</span></h1>
  <p class="lead">{{PROCEDURE}} · {{UNIT}}. Bộ tiêu chí: {{SET_NAME}}.</p>
  <h2>Các lần đánh giá</h2>
  {{#NO_EVALUATION}}<p id="no-evaluation">Hồ sơ chưa được đánh giá.</p>{{/NO_EVALUATION}}
  <ul class="plain">{{#EVALUATION}}<li><strong>{{SOURCE}}</strong>: {{TOTAL}}/{{MAX_TOTAL}} điểm, xếp loại {{GRADE}} ({{AT}})</li>{{/EVALUATION}}</ul>
  <div class="table-wrap" role="region" aria-labelledby="points-caption" tabindex="0"><table class="stack">
    <caption id="points-caption">Điểm từng tiêu chí</caption>
    <thead><tr><th scope="col">Tiêu chí</th><th scope="col" class="num">Người dân</th><th scope="col" class="num">Người đánh giá</th></tr></thead>
    <tbody>{{#POINTS_ROW}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Người dân">{{CITIZEN}}</td><td class="num" data-label="Người đánh giá">{{EVALUATOR}}</td></tr>{{/POINTS_ROW}}</tbody>
  </table></div>
  {{#ALREADY}}<p id="already">Phần đánh giá của người đánh giá đã được nhập; mỗi hồ sơ chỉ được đánh giá một lần.</p>{{/ALREADY}}
  {{#NOT_FINISHED}}<p class="notice" id="not-finished">Hồ sơ chưa có kết quả nên chưa thể đánh giá.</p>{{/NOT_FINISHED}}
  {{#CANNOT}}<p id="cannot">Chỉ người đánh giá, lãnh đạo hoặc quản trị viên của đơn vị nhập được phần đánh giá này.</p>{{/CANNOT}}
  {{#FORM}}
  <h2>Nhập đánh giá</h2>
  <form method="post" action="/desk/dossiers/{{CODE:u}}/evaluation" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#CRITERION}}{{#COMPUTED}}<div class="field criterion"><p><strong>{{N}}. {{LABEL}}</strong></p><p class="hint">Tính tự động từ quá trình giải quyết: {{POINTS}}/{{MAX}} điểm</p></div>{{/COMPUTED}}{{#CHOOSE}}
    <fieldset class="field item{{#INVALID}} field-invalid{{/INVALID}}" id="{{FIELD_ID}}">
      <legend>{{N}}. {{LABEL}}</legend>
      {{#INVALID}}<p class="field-error" id="{{FIELD_ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
      {{#OPTION}}<label for="{{OPTION_ID}}"><input type="radio" id="{{OPTION_ID}}" name="points.{{KEY}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{OPTION_LABEL}}</label>
      {{/OPTION}}
    </fieldset>{{/CHOOSE}}{{/CRITERION}}
    <button type="submit">Lưu đánh giá</button>
  </form>
  {{/FORM}}
</section>
