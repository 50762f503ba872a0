{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>Đã gửi góp ý</h1>
  <p>Mã góp ý của ông/bà:</p>
  <p class="big-code"><strong class="code-text" id="feedback-code">{{CODE}}</strong></p>
  {{#HAS_KEY}}<p>Mã bảo mật (chỉ hiện một lần):</p>
  <p class="big-code"><strong class="code-text" id="feedback-key">{{KEY}}</strong></p>
  <p>Hãy ghi lại cả hai mã. Khi tra cứu tiến độ, câu trả lời hoặc mở lại góp ý, cần mã góp ý cùng mã bảo mật, hoặc cùng 4 số cuối của số điện thoại đã cho.</p>{{/HAS_KEY}}
  {{#NO_KEY}}<p>Hãy ghi lại mã này. Khi tra cứu cần thêm mã bảo mật đã hiện khi gửi, hoặc 4 số cuối của số điện thoại đã cho.</p>{{/NO_KEY}}
  <p><a class="button" id="lookup-link" href="{{LOOKUP_URL}}">Tra cứu góp ý</a></p>
</section>
