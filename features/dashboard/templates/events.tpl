{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{#ENTITY_VIEW}}<p class="back"><a href="{{BACK_URL}}">← {{BACK_TEXT}}</a></p>{{/ENTITY_VIEW}}
  <h1>{{HEADING}}</h1>
  <p class="lead">Ai đã làm gì, khi nào, trên đơn vị nào; các lần đăng nhập sai, tạm khóa và mở khóa tài khoản của cán bộ thuộc đơn vị bạn quản trị. Mỗi sự kiện được nối với sự kiện trước bằng một mã kiểm tra, nên không ai sửa hay xóa được mà không lộ; người kiểm tra xem mã ở mục "Chi tiết kỹ thuật" của từng dòng.</p>
  <form method="get" action="/events" novalidate>
    {{#ENTITY_VIEW}}<input type="hidden" name="entity" value="{{ENTITY}}"><input type="hidden" name="id" value="{{ENTITY_ID}}">{{/ENTITY_VIEW}}
    <div class="field{{#ACTOR_INVALID}} field-invalid{{/ACTOR_INVALID}}">
      <label for="actor">Người thực hiện</label>
      {{#ACTOR_INVALID}}<p class="field-error" id="actor-error"><span class="visually-hidden">Lỗi: </span>{{ACTOR_ERROR}}</p>{{/ACTOR_INVALID}}
      <select id="actor" name="actor"{{#ACTOR_INVALID}} aria-invalid="true" aria-describedby="actor-error"{{/ACTOR_INVALID}}><option value="">Tất cả mọi người</option>{{#ACTOR_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/ACTOR_OPTION}}</select>
    </div>
    {{#UNIT_FILTER}}<div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      <p class="hint" id="unit-hint">Gồm cả các đơn vị trực thuộc.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}><option value="">Mọi đơn vị bạn quản trị</option>{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>{{/UNIT_FILTER}}
    <div class="field{{#TYPE_INVALID}} field-invalid{{/TYPE_INVALID}}">
      <label for="type">Loại sự kiện</label>
      {{#TYPE_INVALID}}<p class="field-error" id="type-error"><span class="visually-hidden">Lỗi: </span>{{TYPE_ERROR}}</p>{{/TYPE_INVALID}}
      <select id="type" name="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-error"{{/TYPE_INVALID}}><option value="">Mọi loại</option>{{#TYPE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/TYPE_OPTION}}</select>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <div class="actions">
      <button type="submit">Lọc nhật ký</button>
      {{#FILTERED}}<a class="button secondary" href="{{CLEAR_URL}}">Bỏ lọc</a>{{/FILTERED}}
    </div>
  </form>
  <h2 id="events-heading">{{RESULT_TEXT}}</h2>
  {{#HAS_EVENTS}}<div class="table-wrap" role="region" aria-labelledby="events-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Sự kiện, mới nhất trước</caption>
    <thead><tr><th scope="col">Thời điểm</th><th scope="col">Nội dung</th><th scope="col">Đơn vị</th><th scope="col">Chi tiết kỹ thuật</th></tr></thead>
    <tbody>{{#EVENT}}<tr>
      <td data-label="Thời điểm">{{AT}}</td>
      <td data-label="Nội dung">{{SENTENCE}}{{#HAS_CHANGES}}
        <ul class="changes">{{#CHANGE}}<li>{{LABEL}}: <del><span class="visually-hidden">trước: </span>{{BEFORE}}</del> → <ins><span class="visually-hidden">sau: </span>{{AFTER}}</ins></li>{{/CHANGE}}</ul>{{/HAS_CHANGES}}</td>
      <td data-label="Đơn vị">{{#HAS_SCOPE}}{{SCOPE_NAME}} <small>{{SCOPE_CODE}}</small>{{/HAS_SCOPE}}{{#NO_SCOPE}}Toàn quốc{{/NO_SCOPE}}</td>
      <td data-label="Chi tiết kỹ thuật"><details><summary>Xem<span class="visually-hidden"> chi tiết kỹ thuật của sự kiện số {{ID}}</span></summary>
        <dl class="summary">
          <div><dt>Số thứ tự trong chuỗi</dt><dd>{{#SEALED}}{{SEQ}}{{/SEALED}}{{#UNSEALED}}Chưa nối vào chuỗi (số ghi {{ID}}){{/UNSEALED}}</dd></div>
          <div><dt>Mã kiểm tra</dt><dd><code>{{HASH}}</code></dd></div>
          <div><dt>Mã kiểm tra của sự kiện trước</dt><dd><code>{{PREV_HASH}}</code></dd></div>
          <div><dt>Ghi nhận</dt><dd><code>{{RAW_AT}} {{RAW_ACTOR}} {{RAW_ENTITY}} {{RAW_ENTITY_ID}} {{RAW_ACTION}}</code></dd></div>
          {{#HAS_BEFORE}}<div><dt>Trước thay đổi</dt><dd><code>{{BEFORE_JSON}}</code></dd></div>{{/HAS_BEFORE}}
          {{#HAS_AFTER}}<div><dt>Sau thay đổi</dt><dd><code>{{AFTER_JSON}}</code></dd></div>{{/HAS_AFTER}}
        </dl></details></td></tr>{{/EVENT}}</tbody>
  </table></div>{{/HAS_EVENTS}}
  {{#HAS_NEXT}}<p class="actions"><a class="button secondary" href="{{NEXT_URL}}">Cũ hơn</a></p>{{/HAS_NEXT}}
  <p><small>Người kiểm tra kiểm lại toàn bộ chuỗi bằng lệnh <code>friendlygov verify-events</code>.</small></p>
</section>
