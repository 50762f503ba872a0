{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/announcements?unit={{UNIT_URL}}">← Thông báo của {{UNIT_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <p class="lead">Mỗi bộ điều khiển loa có mã truy cập riêng, chỉ dùng được cho các ấp, khu phố đã ghi. Bộ điều khiển gửi mã trong tiêu đề <code>Authorization: Bearer</code> khi lấy danh sách phát và khi báo đã phát.</p>
  {{#CREATED}}<div class="banner banner-success" role="status" id="controller-token-banner">
    <p>Đã đăng ký “{{NEW_NAME}}”. Mã truy cập của bộ điều khiển:</p>
    <p><code class="token" id="controller-token">{{NEW_TOKEN}}</code></p>
    <p>Mã chỉ hiện một lần: hãy nhập ngay vào bộ điều khiển. Mất mã thì thu hồi và đăng ký lại.</p>
    <p>Danh sách phát: <code>{{PLAYLIST_URL}}</code></p>
  </div>{{/CREATED}}
  <h2 id="controllers-title">Các bộ điều khiển đã đăng ký</h2>
  {{#NO_CONTROLLERS}}<p id="controllers-empty">Chưa có bộ điều khiển nào.</p>{{/NO_CONTROLLERS}}
  {{#HAS_CONTROLLERS}}<div class="table-wrap" role="region" aria-labelledby="controllers-caption" tabindex="0"><table class="stack">
    <caption id="controllers-caption">Bộ điều khiển loa của {{UNIT_NAME}}</caption>
    <thead><tr><th scope="col">Tên</th><th scope="col">Ấp, khu phố</th><th scope="col">Đăng ký lúc</th><th scope="col">Tình trạng</th><th scope="col"><span class="visually-hidden">Thao tác</span></th></tr></thead>
    <tbody>{{#CONTROLLER}}<tr><th scope="row">{{NAME}}</th><td data-label="Ấp, khu phố">{{HAMLETS}}</td><td data-label="Đăng ký lúc">{{CREATED_AT}}</td><td data-label="Tình trạng">{{STATE}}</td><td data-label="Thao tác">{{#REVOCABLE}}<a href="/desk/announcements/controllers/{{ID}}/revoke">Thu hồi mã<span class="visually-hidden"> của {{NAME}}</span></a>{{/REVOCABLE}}</td></tr>{{/CONTROLLER}}</tbody>
  </table></div>{{/HAS_CONTROLLERS}}
  <h2 id="register-title">Đăng ký bộ điều khiển mới</h2>
  <form method="post" action="/desk/announcements/controllers?unit={{UNIT_URL}}" novalidate aria-labelledby="register-title">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#CONTROLLER_NAME_INVALID}} field-invalid{{/CONTROLLER_NAME_INVALID}}">
      <label for="controller_name">Tên bộ điều khiển</label>
      <p class="hint" id="controller_name-hint">Ví dụ: Cụm loa nhà văn hóa ấp 3.</p>
      {{#CONTROLLER_NAME_INVALID}}<p class="field-error" id="controller_name-error"><span class="visually-hidden">Lỗi: </span>{{CONTROLLER_NAME_ERROR}}</p>{{/CONTROLLER_NAME_INVALID}}
      <input id="controller_name" name="controller_name" maxlength="80" value="{{F_NAME}}" autocomplete="off" aria-describedby="controller_name-hint{{#CONTROLLER_NAME_INVALID}} controller_name-error{{/CONTROLLER_NAME_INVALID}}"{{#CONTROLLER_NAME_INVALID}} aria-invalid="true"{{/CONTROLLER_NAME_INVALID}}>
    </div>
    <div class="field{{#HAMLETS_INVALID}} field-invalid{{/HAMLETS_INVALID}}">
      <label for="hamlets">Ấp, khu phố của bộ điều khiển</label>
      <p class="hint" id="hamlets-hint">Mỗi dòng một tên, viết như trong thông báo, ví dụ Ấp 3.</p>
      {{#HAMLETS_INVALID}}<p class="field-error" id="hamlets-error"><span class="visually-hidden">Lỗi: </span>{{HAMLETS_ERROR}}</p>{{/HAMLETS_INVALID}}
      <textarea id="hamlets" name="hamlets" rows="3" aria-describedby="hamlets-hint{{#HAMLETS_INVALID}} hamlets-error{{/HAMLETS_INVALID}}"{{#HAMLETS_INVALID}} aria-invalid="true"{{/HAMLETS_INVALID}}>{{F_HAMLETS:pre_escape}}</textarea>
    </div>
    <div class="actions"><button type="submit">Đăng ký và tạo mã</button></div>
  </form>
</section>
