{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p><a href="/feedback">Sổ theo dõi phản ánh, kiến nghị</a></p>
  <h1>Kênh nhận góp ý: thư điện tử, Zalo, Facebook</h1>
  <p class="lead">Thư gửi đến hộp thư góp ý và tin nhắn gửi đến trang Zalo OA hoặc Facebook của đơn vị được ghi vào sổ theo dõi như một góp ý, mỗi thư, mỗi tin một lần. Mật khẩu và khóa bí mật không bao giờ hiện lại ở đây.</p>
  <p>Câu trả lời được gửi lại cho người dân qua kênh họ đã dùng (thư điện tử, Zalo, Facebook Messenger) theo <a href="/desk/notify/channels?unit={{UNIT_CODE}}">kênh gửi thông báo của đơn vị</a>.</p>
  <form method="get" action="/feedback/kenh" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit" class="secondary">Xem</button>
  </form>
  <h2 id="email-heading">Thư điện tử</h2>
  <p class="status-line" id="email-status">{{#MAIL_CONNECTED}}<strong>Đã kết nối</strong> hộp thư {{MAIL_USERNAME}}, cập nhật {{MAIL_UPDATED}}. {{#MAIL_CHECKED}}Đọc lần gần nhất lúc {{MAIL_CHECKED_AT}}.{{/MAIL_CHECKED}}{{#MAIL_NEVER}}Chưa đọc lần nào.{{/MAIL_NEVER}}{{#MAIL_SKIP_PENDING}} Lần đọc tới sẽ bỏ qua các thư đang có trong hộp thư.{{/MAIL_SKIP_PENDING}} Đã ghi {{MAIL_TAKEN}} thư vào sổ theo dõi.{{/MAIL_CONNECTED}}{{#MAIL_NOT_CONNECTED}}<strong>Chưa kết nối.</strong> Hộp thư được đọc vài phút một lần; thư đã đọc vẫn còn trong hộp thư.{{/MAIL_NOT_CONNECTED}}</p>
  {{#MAIL_ERROR}}<p class="alert" id="email-error">Lần đọc gần nhất không thành công: {{MAIL_ERROR_TEXT}}{{#MAIL_FAILING}} {{MAIL_FAILING_TEXT}}{{/MAIL_FAILING}}</p>{{/MAIL_ERROR}}
  <form method="post" action="/feedback/kenh" novalidate aria-labelledby="email-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="unit" value="{{UNIT_CODE}}">
    <input type="hidden" name="channel" value="email">
    <div class="field{{#MAIL_URL_INVALID}} field-invalid{{/MAIL_URL_INVALID}}">
      <label for="mail_url">Địa chỉ hộp thư (IMAP)</label>
      <p class="hint" id="mail_url-hint">Máy chủ và thư mục, ví dụ imaps://mail.xa.gov.vn/INBOX. Hỏi người quản trị thư điện tử của đơn vị.</p>
      {{#MAIL_URL_INVALID}}<p class="field-error" id="mail_url-error"><span class="visually-hidden">Lỗi: </span>{{MAIL_URL_ERROR}}</p>{{/MAIL_URL_INVALID}}
      <input id="mail_url" name="mail_url" maxlength="300" autocomplete="off" spellcheck="false" value="{{MAIL_URL_VALUE}}" aria-describedby="mail_url-hint{{#MAIL_URL_INVALID}} mail_url-error{{/MAIL_URL_INVALID}}"{{#MAIL_URL_INVALID}} aria-invalid="true"{{/MAIL_URL_INVALID}}>
    </div>
    <div class="field{{#MAIL_USERNAME_INVALID}} field-invalid{{/MAIL_USERNAME_INVALID}}">
      <label for="mail_username">Tên đăng nhập hộp thư</label>
      {{#MAIL_USERNAME_INVALID}}<p class="field-error" id="mail_username-error"><span class="visually-hidden">Lỗi: </span>{{MAIL_USERNAME_ERROR}}</p>{{/MAIL_USERNAME_INVALID}}
      <input id="mail_username" name="mail_username" maxlength="200" autocomplete="off" spellcheck="false" value="{{MAIL_USERNAME_VALUE}}"{{#MAIL_USERNAME_INVALID}} aria-describedby="mail_username-error" aria-invalid="true"{{/MAIL_USERNAME_INVALID}}>
    </div>
    <div class="field{{#MAIL_PASSWORD_INVALID}} field-invalid{{/MAIL_PASSWORD_INVALID}}">
      <label for="mail_password">Mật khẩu hộp thư</label>
      <p class="hint" id="mail_password-hint">{{#MAIL_CONNECTED}}Để trống để giữ mật khẩu đang dùng (khi không đổi máy chủ và tên đăng nhập).{{/MAIL_CONNECTED}}{{#MAIL_NOT_CONNECTED}}Mật khẩu của hộp thư, hoặc mật khẩu ứng dụng nếu máy chủ thư yêu cầu.{{/MAIL_NOT_CONNECTED}}</p>
      {{#MAIL_PASSWORD_INVALID}}<p class="field-error" id="mail_password-error"><span class="visually-hidden">Lỗi: </span>{{MAIL_PASSWORD_ERROR}}</p>{{/MAIL_PASSWORD_INVALID}}
      <input type="password" id="mail_password" name="mail_password" maxlength="200" autocomplete="new-password" aria-describedby="mail_password-hint{{#MAIL_PASSWORD_INVALID}} mail_password-error{{/MAIL_PASSWORD_INVALID}}"{{#MAIL_PASSWORD_INVALID}} aria-invalid="true"{{/MAIL_PASSWORD_INVALID}}>
    </div>
    <div class="field">
      <input type="checkbox" id="mail_skip_backlog" name="mail_skip_backlog" value="yes"{{#MAIL_SKIP_CHECKED}} checked{{/MAIL_SKIP_CHECKED}} aria-describedby="mail_skip_backlog-hint"> <label for="mail_skip_backlog">Bắt đầu từ bây giờ: bỏ qua các thư đang có trong hộp thư</label>
      <p class="hint" id="mail_skip_backlog-hint">Lần đọc tới chỉ ghi nhận vị trí cuối của hộp thư; các thư đã có không thành phản ánh, thư đến sau đó được đọc như thường. Dùng khi hộp thư đã có nhiều thư cũ.</p>
    </div>
    <button type="submit">{{#MAIL_CONNECTED}}Cập nhật hộp thư{{/MAIL_CONNECTED}}{{#MAIL_NOT_CONNECTED}}Kết nối hộp thư{{/MAIL_NOT_CONNECTED}}</button>
  </form>
  {{#MAIL_CONNECTED}}<form method="post" action="/feedback/kenh/doc-thu" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="unit" value="{{UNIT_CODE}}">
    <button type="submit" class="secondary" id="read-mail">Đọc thư ngay</button>
  </form>{{/MAIL_CONNECTED}}
  {{#CHANNEL}}
  <h2 id="{{NAME}}-heading">{{LABEL}}</h2>
  <p class="status-line" id="{{NAME}}-status">{{#CONNECTED}}<strong>Đã kết nối</strong>{{#HAS_APP_ID}} (mã ứng dụng {{APP_ID}}){{/HAS_APP_ID}}, cập nhật {{UPDATED}}.{{/CONNECTED}}{{#NOT_CONNECTED}}<strong>Chưa kết nối.</strong>{{/NOT_CONNECTED}}</p>
  <p>Địa chỉ nhận tin (webhook) để khai báo trên {{LABEL}}: <code class="code-text" id="{{NAME}}-webhook">{{WEBHOOK}}</code></p>
  <form method="post" action="/feedback/kenh" novalidate aria-labelledby="{{NAME}}-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="unit" value="{{UNIT_CODE}}">
    <input type="hidden" name="channel" value="{{NAME}}">
    {{#ASKS_APP_ID}}<div class="field{{#APP_ID_INVALID}} field-invalid{{/APP_ID_INVALID}}">
      <label for="{{NAME}}_app_id">Mã ứng dụng (App ID)</label>
      {{#APP_ID_INVALID}}<p class="field-error" id="{{NAME}}_app_id-error"><span class="visually-hidden">Lỗi: </span>{{APP_ID_ERROR}}</p>{{/APP_ID_INVALID}}
      <input id="{{NAME}}_app_id" name="{{NAME}}_app_id" maxlength="100" autocomplete="off" value="{{APP_ID_VALUE}}"{{#APP_ID_INVALID}} aria-describedby="{{NAME}}_app_id-error" aria-invalid="true"{{/APP_ID_INVALID}}>
    </div>{{/ASKS_APP_ID}}
    <div class="field{{#SECRET_INVALID}} field-invalid{{/SECRET_INVALID}}">
      <label for="{{NAME}}_secret">{{SECRET_LABEL}}</label>
      <p class="hint" id="{{NAME}}_secret-hint">{{#CONNECTED}}Nhập khóa mới để thay khóa đang dùng.{{/CONNECTED}}{{#NOT_CONNECTED}}Lấy trong trang quản lý ứng dụng của {{LABEL}}.{{/NOT_CONNECTED}}</p>
      {{#SECRET_INVALID}}<p class="field-error" id="{{NAME}}_secret-error"><span class="visually-hidden">Lỗi: </span>{{SECRET_ERROR}}</p>{{/SECRET_INVALID}}
      <input type="password" id="{{NAME}}_secret" name="{{NAME}}_secret" maxlength="200" autocomplete="off" aria-describedby="{{NAME}}_secret-hint{{#SECRET_INVALID}} {{NAME}}_secret-error{{/SECRET_INVALID}}"{{#SECRET_INVALID}} aria-invalid="true"{{/SECRET_INVALID}}>
    </div>
    <button type="submit">{{#CONNECTED}}Cập nhật kết nối{{/CONNECTED}}{{#NOT_CONNECTED}}Kết nối{{/NOT_CONNECTED}}</button>
  </form>
  {{/CHANNEL}}
</section>
