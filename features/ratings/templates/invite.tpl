{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/desk/ratings">← Đánh giá của người dân</a></p>
  <h1>Mời người dân đánh giá</h1>
  <p class="lead">Máy tính bảng tại bàn của ông/bà sẽ hiển thị hồ sơ này và mời người dân đánh giá. Khi ông/bà trả kết quả một hồ sơ, máy tự hiển thị hồ sơ đó.</p>
  <form method="post" action="/desk/ratings/invite" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#DOSSIER_INVALID}} field-invalid{{/DOSSIER_INVALID}}">
      <label for="dossier">Mã hồ sơ</label>
      {{#DOSSIER_INVALID}}<p class="field-error" id="dossier-error"><span class="visually-hidden">Lỗi: </span>{{DOSSIER_ERROR}}</p>{{/DOSSIER_INVALID}}
      <input id="dossier" name="dossier" maxlength="40" autocomplete="off" value="{{DOSSIER}}"{{#DOSSIER_INVALID}} aria-invalid="true" aria-describedby="dossier-error"{{/DOSSIER_INVALID}}>
    </div>
    <button type="submit">Mời đánh giá</button>
  </form>
</section>
