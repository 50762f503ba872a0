{{%AUTOESCAPE context="HTML"}}<section class="panel">
  {{>KIOSK_BAR}}
  <h1>{{TITLE}}</h1>
  <p class="lead">Chạm vào việc bạn cần. Bạn không cần đăng nhập.</p>
  <form method="get" action="{{PLACE_URL}}/thu-tuc" class="inline search" role="search" novalidate>
    <input type="hidden" name="kiosk" value="1">
    <div class="field">
      <label for="tim">Tìm thủ tục</label>
      <p class="hint" id="tim-hint">Gõ có dấu hoặc không dấu, ví dụ: khai sinh.</p>
      <input id="tim" name="tim" type="search" maxlength="80" autocomplete="off" spellcheck="false" aria-describedby="tim-hint">
    </div>
    <button type="submit">Tìm</button>
  </form>
  <ul class="kiosk-menu">
    <li><a id="kiosk-catalogue" href="{{PLACE_URL}}/thu-tuc?kiosk=1">Thủ tục hành chính: giấy tờ, lệ phí, thời hạn</a></li>
    <li><a id="kiosk-directory" href="{{PLACE_URL}}/danh-ba?kiosk=1">Danh bạ lãnh đạo và cán bộ</a></li>
    <li><a id="kiosk-figures" href="{{PLACE_URL}}/so-lieu?kiosk=1">Kết quả giải quyết hồ sơ</a></li>
  </ul>
</section>
