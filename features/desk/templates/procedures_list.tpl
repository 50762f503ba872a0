{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Thủ tục hành chính</h1>
  <p class="actions">{{#ADMIN}}<a class="button" href="/desk/procedures/new">Thêm thủ tục</a>
    <a class="button secondary" href="/desk/procedures/import">Nhập danh mục từ tệp</a>{{/ADMIN}}
    <a class="button secondary" href="{{EXPORT_URL}}">Tải danh mục về máy (tệp CSV)</a></p>
  <form method="get" action="/desk/procedures" class="inline search" role="search" novalidate>
    <div class="field{{#Q_INVALID}} field-invalid{{/Q_INVALID}}">
      <label for="q">Tìm thủ tục</label>
      <p class="hint" id="q-hint">Gõ có dấu hoặc không dấu: tên, mã hoặc lĩnh vực, ví dụ: ho tich hoặc 1.001193.</p>
      {{#Q_INVALID}}<p class="field-error" id="q-error"><span class="visually-hidden">Lỗi: </span>{{Q_ERROR}}</p>{{/Q_INVALID}}
      <input id="q" name="q" type="search" maxlength="200" value="{{Q}}" aria-describedby="q-hint{{#Q_INVALID}} q-error{{/Q_INVALID}}"{{#Q_INVALID}} aria-invalid="true"{{/Q_INVALID}}>
    </div>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Áp dụng tại</label>
      <p class="hint" id="unit-hint">Thủ tục của đơn vị và của cấp trên.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}><option value="">Mọi đơn vị</option>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <button type="submit">Tìm</button>
  </form>
  {{#SOME}}<p id="result-count">Có {{COUNT}} thủ tục{{#AT_UNIT}} áp dụng tại {{UNIT_NAME}}{{/AT_UNIT}}.</p>{{/SOME}}
  {{#MANY}}<p id="result-count">Hiển thị {{COUNT}} thủ tục đầu tiên{{#AT_UNIT}} áp dụng tại {{UNIT_NAME}}{{/AT_UNIT}}; hãy gõ thêm chữ để thu hẹp kết quả.</p>{{/MANY}}
  {{#NONE}}<p id="result-count">Không có thủ tục nào phù hợp. Hãy thử từ khác, hoặc chọn "Mọi đơn vị".</p>{{/NONE}}
  <div class="table-wrap" role="region" aria-labelledby="procedures-caption" tabindex="0"><table class="stack">
    <caption id="procedures-caption" class="visually-hidden">Danh mục thủ tục hành chính</caption>
    <thead><tr><th scope="col">Tên thủ tục</th><th scope="col">Mã</th><th scope="col">Lĩnh vực</th><th scope="col">Thời hạn</th><th scope="col">Trực tuyến</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>{{#PROCEDURE}}<tr>
      <td><a href="/desk/procedures/{{ID}}">{{NAME}}</a></td>
      <td data-label="Mã">{{CODE}}</td>
      <td data-label="Lĩnh vực">{{FIELD}}</td>
      <td data-label="Thời hạn">{{LIMIT}}{{#SAME_DAY}} <span class="badge ok">Trong ngày tại đơn vị</span>{{/SAME_DAY}}</td>
      <td data-label="Trực tuyến">{{ONLINE_LEVEL}}</td>
      <td data-label="Tình trạng">{{#ACTIVE}}<span class="badge ok">Đang áp dụng</span>{{/ACTIVE}}{{#INACTIVE}}<span class="badge off">Ngừng áp dụng</span>{{/INACTIVE}}</td>
    </tr>{{/PROCEDURE}}</tbody>
  </table></div>
</section>
