{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/procedures">← Danh mục thủ tục</a></p>
  {{#OLD}}<div class="alert"><p><strong>Đây là phiên bản cũ (phiên bản {{VERSION}}) của thủ tục.</strong>
    Phiên bản đang áp dụng là phiên bản {{CURRENT_VERSION}}: <a href="/desk/procedures/{{ID}}">xem phiên bản đang áp dụng</a>.
    Hồ sơ tiếp nhận khi phiên bản này còn áp dụng vẫn được giải quyết theo phiên bản này.</p></div>{{/OLD}}
  <h1>{{NAME}}{{#OLD}} <small>(phiên bản cũ)</small>{{/OLD}}</h1>
  <p>Mã thủ tục <strong>{{CODE}}</strong>, lĩnh vực {{FIELD}}. {{#ACTIVE}}<span class="badge ok">Đang áp dụng</span>{{/ACTIVE}}{{#INACTIVE}}<span class="badge off">Ngừng áp dụng</span>{{/INACTIVE}}</p>
  {{#ACTIONS}}<p class="actions">{{#CAN_EDIT}}<a class="button" href="/desk/procedures/{{ID}}/edit">Sửa thủ tục</a>{{/CAN_EDIT}}
    {{#CAN_SAME_DAY}}<a class="button secondary" href="/desk/procedures/{{ID}}/same-day">Đăng ký giải quyết trong ngày</a>{{/CAN_SAME_DAY}}
    {{#CAN_DEACTIVATE}}<a class="button warning" href="/desk/procedures/{{ID}}/active?set=off">Ngừng áp dụng</a>{{/CAN_DEACTIVATE}}
    {{#CAN_ACTIVATE}}<a class="button secondary" href="/desk/procedures/{{ID}}/active?set=on">Áp dụng lại</a>{{/CAN_ACTIVATE}}</p>{{/ACTIONS}}
  <dl class="summary">
    <div><dt>Danh mục của đơn vị</dt><dd>{{UNIT_NAME}} <small>({{UNIT_CODE}})</small>; áp dụng tại đơn vị này và các đơn vị trực thuộc</dd></div>
    <div><dt>Cấp thực hiện</dt><dd>{{LEVEL}}</dd></div>
    <div><dt>Thời hạn giải quyết</dt><dd>{{LIMIT}}</dd></div>
    <div><dt>Giờ tiếp nhận muộn nhất</dt><dd>{{CUTOFF}} <small>(hồ sơ nhận sau giờ này được tính từ ngày làm việc tiếp theo)</small></dd></div>
    <div><dt>Dịch vụ công trực tuyến</dt><dd>{{ONLINE_LEVEL}}</dd></div>
    <div><dt>Phí, lệ phí</dt><dd>{{FEES}}</dd></div>
    <div><dt>Kết quả</dt><dd>{{RESULT}}</dd></div>
    <div><dt>Hiệu lực</dt><dd>{{VALIDITY}}</dd></div>
    <div><dt>Căn cứ pháp lý</dt><dd class="pre-line">{{LEGAL_BASIS:pre_escape}}</dd></div>
    <div><dt>Phiên bản</dt><dd>{{VERSION}}</dd></div>
  </dl>

  <h2 id="documents-heading">Thành phần hồ sơ</h2>
  {{#NO_DOCUMENTS}}<p>Chưa ghi thành phần hồ sơ.</p>{{/NO_DOCUMENTS}}
  {{#HAS_DOCUMENTS}}<div class="table-wrap" role="region" aria-labelledby="documents-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Thành phần hồ sơ</caption>
    <thead><tr><th scope="col">Giấy tờ</th><th scope="col">Loại bản</th><th scope="col">Số lượng</th></tr></thead>
    <tbody>{{#DOCUMENT}}<tr><td>{{NAME}}</td><td data-label="Loại bản">{{KIND}}</td><td data-label="Số lượng">{{COUNT}}</td></tr>{{/DOCUMENT}}</tbody>
  </table></div>{{/HAS_DOCUMENTS}}

  <h2 id="steps-heading">Quy trình xử lý</h2>
  {{#NO_STEPS}}<p>Chưa ghi quy trình xử lý.</p>{{/NO_STEPS}}
  {{#HAS_STEPS}}<div class="table-wrap" role="region" aria-labelledby="steps-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Các bước xử lý</caption>
    <thead><tr><th scope="col">Bước</th><th scope="col">Người, bộ phận thực hiện</th><th scope="col">Thời gian</th></tr></thead>
    <tbody>{{#STEP}}<tr><td>{{NAME}}</td><td data-label="Thực hiện">{{HANDLER}}</td><td data-label="Thời gian">{{BUDGET}}</td></tr>{{/STEP}}</tbody>
  </table></div>{{/HAS_STEPS}}

  <h2>Đơn vị đăng ký giải quyết trong ngày</h2>
  {{#NO_SAME_DAY}}<p>Chưa có đơn vị nào đăng ký.</p>{{/NO_SAME_DAY}}
  {{#HAS_SAME_DAY}}<ul>{{#SAME_DAY_UNIT}}<li>{{NAME}} <small>({{CODE}})</small></li>{{/SAME_DAY_UNIT}}</ul>{{/HAS_SAME_DAY}}

  <h2 id="versions-heading">Các phiên bản</h2>
  <p class="hint">Mỗi lần sửa tạo một phiên bản mới; hồ sơ đã tiếp nhận giữ phiên bản của ngày tiếp nhận.</p>
  <div class="table-wrap" role="region" aria-labelledby="versions-heading" tabindex="0"><table class="stack">
    <caption class="visually-hidden">Các phiên bản của thủ tục</caption>
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Lưu lúc</th><th scope="col">Người lưu</th></tr></thead>
    <tbody>{{#VERSION_ROW}}<tr>
      <td>{{#IS_CURRENT}}<a href="/desk/procedures/{{ID}}">Phiên bản {{VERSION}}</a> (đang áp dụng){{/IS_CURRENT}}{{#IS_SHOWN}}Phiên bản {{VERSION}} (đang xem){{/IS_SHOWN}}{{#IS_OTHER}}<a href="/desk/procedures/{{ID}}?version={{VERSION}}">Phiên bản {{VERSION}}</a>{{/IS_OTHER}}</td>
      <td data-label="Lưu lúc">{{AT}}</td><td data-label="Người lưu">{{BY}}</td></tr>{{/VERSION_ROW}}</tbody>
  </table></div>
</section>
