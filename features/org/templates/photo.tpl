{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p class="back"><a href="/officials/{{ID}}">← {{FULL_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  {{#HAS_PHOTO}}<figure class="photo-current">
    <img class="official-photo" id="official-photo" src="{{PHOTO_URL}}" alt="{{FULL_NAME}}" width="120" height="160">
    <figcaption>Ảnh {{KIND}}, {{WIDTH}} × {{HEIGHT}} điểm ảnh, {{SIZE_KB}} KB, cập nhật ngày {{UPDATED}}.</figcaption>
  </figure>{{/HAS_PHOTO}}
  {{#NO_PHOTO}}<p id="photo-none">{{FULL_NAME}} chưa có ảnh.</p>{{/NO_PHOTO}}
  <p>Ảnh hiện trên trang của cán bộ và trên máy tính bảng đánh giá ở bàn tiếp nhận khi có hồ sơ. Ảnh chỉ hiện trong danh bạ công khai khi {{FULL_NAME}} đồng ý ở trang <a href="/officials/{{ID}}/cong-khai">thông tin công khai</a>.</p>
  <form method="post" action="/officials/{{ID}}/anh" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#PHOTO_INVALID}} field-invalid{{/PHOTO_INVALID}}">
      <label for="photo">{{#REPLACE}}Thay bằng ảnh mới{{/REPLACE}}{{#NO_PHOTO}}Chọn ảnh{{/NO_PHOTO}}</label>
      <p class="hint" id="photo-hint">Ảnh chân dung JPEG hoặc PNG, tối đa {{MAX_KB}} KB, mỗi chiều không quá {{MAX_SIDE}} điểm ảnh. Nên dùng ảnh dọc tỉ lệ 3 × 4.</p>
      {{#PHOTO_INVALID}}<p class="field-error" id="photo-error"><span class="visually-hidden">Lỗi: </span>{{PHOTO_ERROR}}</p>{{/PHOTO_INVALID}}
      <input type="file" id="photo" name="photo" accept="image/jpeg,image/png" aria-describedby="photo-hint{{#PHOTO_INVALID}} photo-error{{/PHOTO_INVALID}}"{{#PHOTO_INVALID}} aria-invalid="true"{{/PHOTO_INVALID}}>
    </div>
    <div class="actions"><button type="submit">Tải ảnh lên</button></div>
  </form>
  {{#REPLACE}}<p><a id="photo-remove" href="/officials/{{ID}}/anh/xoa">Xóa ảnh</a></p>{{/REPLACE}}
</section>
